import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Language } from '../pack/types';

/**
 * What the editor needs beside a JavaScript or TypeScript solution to read it as the hidden-test runner runs it: the
 * globals the runner defines (`TreeNode`, `ListNode`) declared in `drills-env.d.ts`, and a `tsconfig.json` /
 * `jsconfig.json` that puts that file in the solution's project. Without them the TypeScript language service marks
 * a correct solution with "Cannot find name 'TreeNode'" (ts2304).
 */

/** The declarations file written beside a JavaScript or TypeScript solution. */
export const DECLARATIONS_FILE = 'drills-env.d.ts';

/** The globals of src/harness/node-harness.ts, as declarations; values are whatever the case gives (`any`). */
const DECLARATIONS = `// Written by Drills: the globals the hidden-test runner gives every solution, so the editor knows them.
// Safe to delete; the next start of a drill in this folder writes it again.

/** A binary tree node, as LeetCode's: built by the runner from a level-order list. */
declare class TreeNode {
  val: any;
  left: TreeNode | null;
  right: TreeNode | null;
  constructor(val?: any, left?: TreeNode | null, right?: TreeNode | null);
}

/** A singly linked list node, as LeetCode's: built by the runner from a list. */
declare class ListNode {
  val: any;
  next: ListNode | null;
  constructor(val?: any, next?: ListNode | null);
}
`;

/** One file of editor support: its name in the attempt folder and its text. */
export interface EditorSupportFile {
  name: string;
  text: string;
}

/** The editor-support files for a solution in `language` named `solutionFile` (none for Python). */
export function editorSupportFiles(language: Language, solutionFile: string): EditorSupportFile[] {
  if (language === 'python') return [];
  const typescript = language === 'typescript';
  const config = {
    compilerOptions: {
      target: 'ES2022',
      // DOM for `console`: the runner's Node has it, and `types: []` keeps a workspace's @types out of the drill.
      lib: ['ES2022', 'DOM'],
      types: [],
      // checkJs stays the user's choice (`// @ts-check`); the declarations serve either way.
      ...(typescript ? { strict: true, noEmit: true } : { allowJs: true, checkJs: false, noEmit: true }),
    },
    files: [solutionFile, DECLARATIONS_FILE],
  };
  return [
    { name: DECLARATIONS_FILE, text: DECLARATIONS },
    { name: typescript ? 'tsconfig.json' : 'jsconfig.json', text: `${JSON.stringify(config, null, 2)}\n` },
  ];
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
