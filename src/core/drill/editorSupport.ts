import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { languageById } from '../languages/registry';
import type { EditorFile } from '../languages/types';
import type { Language } from '../pack/types';

export { DECLARATIONS_FILE } from '../languages/node';

/** One file of editor support: its name in the attempt folder and its text. */
export type EditorSupportFile = EditorFile;

/**
 * The files the editor needs beside a solution in `language` named `solutionFile` to read it as the hidden-test runner
 * runs it (the language module's `editorFiles`: a tsconfig.json and the runner's globals for TypeScript); often none.
 */
export function editorSupportFiles(language: Language, solutionFile: string): EditorSupportFile[] {
  return languageById(language).editorFiles?.(solutionFile) ?? [];
}

/** Writes the editor-support files into `dir`, leaving any that exist as they are; returns the names written. */
export async function writeEditorSupport(dir: string, language: Language, solutionFile: string): Promise<string[]> {
  const written: string[] = [];
  for (const file of editorSupportFiles(language, solutionFile)) {
    try {
      await fs.writeFile(path.join(dir, file.name), file.text, { flag: 'wx' });
      written.push(file.name);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return written;
}
