import { applyEdits, modify, parse, type FormattingOptions } from 'jsonc-parser';
import type { SettingWrite } from './conditions';

/**
 * Interview conditions written as one edit of the workspace's settings file. Each settings write through the
 * editor's API saves the file and waits for the configuration to reload (seconds each in a busy window), and
 * the conditions are several writes; one edit of the file's text is one save and one reload. The text is
 * edited where the settings are (comments and the rest of the file stay as they were).
 */

const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 4, eol: '\n' };

/**
 * The settings file's text with `writes` applied: a language's setting inside its `[language]` block (a block
 * left empty goes), others at the top; `value` undefined removes the setting. `prefix` is where the settings
 * object is (`["settings"]` in a `.code-workspace` file, none in `.vscode/settings.json`).
 */
export function editSettingsText(text: string, writes: readonly SettingWrite[], prefix: readonly string[] = []): string {
  let out = text.trim() === '' ? '{}' : text;
  const edit = (path: (string | number)[], value: unknown) => {
    out = applyEdits(out, modify(out, path, value, { formattingOptions: FORMAT }));
  };
  const emptied = new Set<string>();
  for (const w of writes) {
    if (w.target.languageId === undefined) {
      edit([...prefix, w.target.key], w.value);
      continue;
    }
    const block = `[${w.target.languageId}]`;
    if (w.value === undefined && blockOf(out, prefix, block) === undefined) continue;
    edit([...prefix, block, w.target.key], w.value);
    if (w.value === undefined) emptied.add(block);
  }
  for (const block of emptied) {
    const contents = blockOf(out, prefix, block);
    if (contents !== undefined && Object.keys(contents).length === 0) edit([...prefix, block], undefined);
  }
  return out.endsWith('\n') ? out : `${out}\n`;
}

function blockOf(text: string, prefix: readonly string[], block: string): Record<string, unknown> | undefined {
  let node: unknown = parse(text, [], { allowTrailingComma: true });
  for (const key of [...prefix, block]) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
}
