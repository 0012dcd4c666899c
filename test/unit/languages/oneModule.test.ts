import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LANGUAGES } from '../../../src/core/languages/registry';

// A language lives in its module (src/core/languages/) and its harness: the places that used to repeat the list of
// languages derive it from the registry. These checks fail when a list comes back in one of them.

const ROOT = path.resolve(__dirname, '../../../..');
const ids = LANGUAGES.map((l) => l.id);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Files under `dir` (relative to the repository) whose names end with `ext`, recursively. */
function filesUnder(dir: string, ext: string): string[] {
  return (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[]).filter((f) => f.endsWith(ext)).map((f) => path.join(dir, f));
}

/** Code lines of a file, without comment lines (which may name languages as examples). */
function codeLines(file: string): { line: number; text: string }[] {
  return fs
    .readFileSync(path.join(ROOT, file), 'utf8')
    .split('\n')
    .map((text, i) => ({ line: i + 1, text }))
    .filter(({ text }) => !/^\s*(\/\/|\*|\/\*)/.test(text));
}

describe('languages: one module per language', () => {
  it('no `when` clause of package.json names a language, its extension or its solution file', () => {
    const whens: string[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if (key === 'when' && typeof v === 'string') whens.push(v);
          else collect(v);
        }
      }
    };
    collect((JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: unknown }).contributes);
    assert.ok(whens.length > 0);
    const words = LANGUAGES.flatMap((l) => [l.id, l.solutionFile, l.extension.slice(1)]);
    const named = new RegExp(`\\b(${words.map(escape).join('|')})\\b`);
    assert.deepEqual(whens.filter((w) => named.test(w)), []);
  });

  it('no source file outside the language modules names a language or a solution file in a string', () => {
    const literal = new RegExp(`['"\`](${[...ids, ...LANGUAGES.map((l) => l.solutionFile)].map(escape).join('|')})['"\`]`);
    // The harnesses are per language; the CLI's new-pack templates are content written in some languages.
    const exempt = (f: string): boolean => f.startsWith(path.join('src', 'core', 'languages')) || f.startsWith(path.join('src', 'harness')) || f === path.join('src', 'cli', 'templates.ts');
    const found = filesUnder('src', '.ts')
      .filter((f) => !exempt(f))
      .flatMap((f) => codeLines(f).filter(({ text }) => literal.test(text)).map(({ line, text }) => `${f}:${line}: ${text.trim()}`));
    assert.deepEqual(found, []);
  });

  it('no test loops over a hand-written list of every language', () => {
    const found: string[] = [];
    for (const f of filesUnder(path.join('test', 'unit'), '.ts')) {
      for (const { line, text } of codeLines(f)) {
        for (const m of text.matchAll(/\bof \[([^\]]*)\]/g)) {
          if (ids.every((id) => new RegExp(`['"]${id}['"]`).test(m[1]))) found.push(`${f}:${line}: ${text.trim()}`);
        }
      }
    }
    assert.deepEqual(found, [], 'iterate LANGUAGE_IDS (src/core/languages/registry.ts) instead');
  });

  it('the build and the package take every language\'s harness without naming its files', () => {
    const extensions = new RegExp(`\\*(${LANGUAGES.map((l) => escape(l.extension)).join('|')})\\b`);
    const harnessLines = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.includes('harness') && !l.startsWith('#'));
    assert.deepEqual(harnessLines.filter((l) => extensions.test(l)), []);
    assert.ok(harnessLines.length > 0);
    const copy = fs.readFileSync(path.join(ROOT, 'esbuild.js'), 'utf8');
    assert.doesNotMatch(copy, new RegExp(`endsWith\\('(${LANGUAGES.filter((l) => l.extension !== '.ts').map((l) => escape(l.extension)).join('|')})'\\)`));
    // Every file a module names is there after the build.
    for (const l of LANGUAGES) for (const f of l.harnessFiles) assert.ok(fs.existsSync(path.join(ROOT, 'out', 'harness', f)), `out/harness/${f} (${l.id})`);
  });
});
