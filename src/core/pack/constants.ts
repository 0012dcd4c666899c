import { LANGUAGES } from '../languages/registry';
import type { Language, Limits } from './types';

// The format's file names and defaults, in a module of their own: the runner and the CLI's start-up path
// need them without loading the YAML parser and the schema validators that the loader brings.

/** File names of the format. */
export const PACK_FILE = 'drills-pack.yaml';
export const PROBLEM_FILE = 'problem.yaml';
export const TESTS_FILE = 'tests.yaml';
export const STATEMENT_FILE = 'statement.md';

/** The starter file of each language, in `starter/` (the registry's `solutionFile`). */
export const STARTER_FILES = Object.fromEntries(LANGUAGES.map((l) => [l.id, l.solutionFile])) as Record<Language, string>;

/** Defaults of the format, documented in docs/pack-format.md. */
export const DEFAULT_MINUTES = 45;
export const DEFAULT_LIMITS: Limits = { timeMs: 2000, memoryMb: 256 };
export const DEFAULT_FLOAT_TOLERANCE = 1e-6;
/** The return type of a method or function that returns nothing (also what an absent `returns` means). */
export const VOID = 'void';
