import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from '../../../src/core/pack/types';

/** The fixture packs, found from the repository root (tests run from there). */
export const FIXTURES = path.resolve('test/fixtures/packs');

/** 1-based line and column of the first occurrence of `needle` in a file, plus `shift` characters. */
export function positionOfText(file: string, needle: string, shift = 0): { line: number; column: number } {
  const text = fs.readFileSync(file, 'utf8');
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not in ${file}`);
  const before = text.slice(0, offset + shift).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The diagnostics whose message contains `fragment`. */
export function withMessage(diagnostics: Diagnostic[], fragment: string): Diagnostic[] {
  return diagnostics.filter((d) => d.message.includes(fragment));
}

/** The only diagnostic whose message contains `fragment`; fails the test when there are none or several. */
export function only(diagnostics: Diagnostic[], fragment: string): Diagnostic {
  const found = withMessage(diagnostics, fragment);
  if (found.length !== 1) throw new Error(`expected one diagnostic with "${fragment}", got ${found.length}:\n${diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n')}`);
  return found[0];
}

/** A fresh temp folder, removed by the returned function. */
export function tempDir(prefix = 'drills-pack-'): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Writes files (relative path → content) below `dir`. */
export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** A minimal valid pack with one function problem, as files; override any file to break it. */
export function minimalPack(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'drills-pack.yaml': 'drills: 1\nid: mini\nname: Mini\ndescription: One problem.\n',
    'p/problem.yaml': 'id: p\ntitle: P\ndifficulty: easy\ntopics: [arrays]\nfunction: { name: f, params: [{ name: xs, type: "int[]" }], returns: int }\n',
    'p/statement.md': '# P\n',
    'p/starter/solution.py': 'def f(xs): pass\n',
    'p/tests.yaml': 'cases:\n  - { name: one, args: [[1]], expected: 1 }\n',
    ...overrides,
  };
}
