/**
 * The pack format as the rest of the program sees it, once loaded and checked.
 * The on-disk contract is documented in docs/pack-format.md and schemas/.
 */
import type { Language } from '../languages/registry';

/** The languages a drill can be solved in: one module each in the language registry (src/core/languages/). */
export type { Language };

export type Difficulty = 'easy' | 'medium' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];

/** Interview phases, in order. Durations are minutes. */
export type PhaseName = 'clarify' | 'plan' | 'code' | 'test';
export const PHASE_NAMES: readonly PhaseName[] = ['clarify', 'plan', 'code', 'test'];
export type Phases = Partial<Record<PhaseName, number>>;

/** The built-in edge-case categories; packs may add their own tags. */
export const STANDARD_TAGS = ['empty', 'single', 'duplicates', 'ordering', 'negative', 'boundary', 'invalid', 'large'] as const;

/** An edge-case tag a pack declares in drills-pack.yaml, beside the standard ones. */
export interface TagSpec {
  id: string;
  description: string;
}

/** The pack format version this program reads (`drills: 1`). */
export const FORMAT_VERSION = 1;

/** A problem found by the loader: something worth reporting at a place in a file. */
export interface Diagnostic {
  /** Absolute path of the file the diagnostic is about. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: 'error' | 'warning';
  message: string;
  /**
   * What kind of problem this is, where a command treats it specially: `unknown-key` is a key the format does not
   * know, ignored by the editor (a newer pack may use it) but an error for `drills check`.
   */
  code?: 'unknown-key';
}

/** A parameter or return type, as written in problem.yaml (`int`, `int[]`, `map<string,int>`, `TreeNode`…). */
export type TypeName = string;

export interface Param {
  name: string;
  type: TypeName;
}

export interface FunctionSpec {
  name: string;
  params: Param[];
  returns: TypeName;
  /** Per-language names, when a language's convention differs (`find_value` in Python). */
  names?: Partial<Record<Language, string>>;
}

export interface MethodSpec {
  name: string;
  params: Param[];
  returns: TypeName;
  names?: Partial<Record<Language, string>>;
}

export interface ClassSpec {
  name: string;
  /** The constructor is the method named like the class. */
  methods: MethodSpec[];
  names?: Partial<Record<Language, string>>;
}

export type Compare =
  | { kind: 'exact' }
  | { kind: 'unordered' }
  /** Numbers within `tolerance` of the expected one, or within `tolerance` × |expected| when `relative`. */
  | { kind: 'float'; tolerance: number; relative?: boolean }
  /** `script` is the absolute path of the checker (resolved against the problem folder). */
  | { kind: 'checker'; script: string };

export interface Limits {
  timeMs: number;
  memoryMb: number;
}

/** A pack as the tree view needs it: cheap to build for thousands of problems. */
export interface PackSummary {
  id: string;
  name: string;
  description: string;
  /** Absolute path of the pack folder. */
  dir: string;
  defaults: { minutes?: number; phases?: Phases; languages?: Language[] };
  /** Edge-case tags the pack declares beside STANDARD_TAGS. */
  tags?: TagSpec[];
  /** Absolute path of drills-pack.yaml. */
  manifestPath?: string;
  problems: ProblemSummary[];
  diagnostics: Diagnostic[];
}

/** What the index keeps of a problem: enough for the tree, the timer and a filter. */
export interface ProblemSummary {
  id: string;
  packId: string;
  title: string;
  difficulty: Difficulty;
  topics: string[];
  minutes: number;
  phases?: Phases;
  /** Absolute path of the problem folder. */
  dir: string;
  /** Languages with a starter file. */
  languages: Language[];
  /** Absolute path of the pack folder the problem belongs to. */
  packDir?: string;
  /** Absolute path of problem.yaml. */
  problemFile?: string;
}

/**
 * An integer computed from the iteration counter `i` of a repeat block: `{$i: [a, b]}` is `a*i + b`,
 * `{$i: [a, b, m]}` is `(a*i + b) mod m`, in 0..m-1.
 */
export interface IndexExpression {
  $i: [number, number] | [number, number, number];
}

/**
 * Class cases: ops run `times` times after the listed ones, with `i` = 0..times-1. Any value inside
 * `args` and `expected`, at any depth, may be an `IndexExpression`. The solution's process expands the
 * block in a loop and compares each result exactly, so it never exists as a list.
 */
export interface RepeatBlock {
  times: number;
  /** Method names (never the constructor). */
  ops: string[];
  /** One argument list per op. */
  args: unknown[][];
  /** One expected value per op. */
  expected: unknown[];
}

/** The exception class a `raises` case expects, per language (`ValueError`, `RangeError`). */
export type ExpectedException = Partial<Record<Language, string>>;

/** One hidden test case, normalised: `args` is always positional. */
export interface TestCase {
  name: string;
  tags: string[];
  /** Positional arguments (function problems) — absent for class problems. */
  args?: unknown[];
  /** Class problems: method names, the constructor first. */
  ops?: string[];
  /** Class problems: one argument list per op. */
  opArgs?: unknown[][];
  expected?: unknown;
  /**
   * The solution must raise: `true` accepts any exception but a "not implemented" one; a mapping names the
   * exception (class name) expected in a language, and a language it does not list accepts any.
   */
  raises?: true | ExpectedException;
  /** Class problems: ops repeated after the listed ones (compared in the solution's process). */
  repeat?: RepeatBlock;
  /** 1-based line of the case in tests.yaml, for messages. */
  line?: number;
  /** Absolute path of the JSON file the case's data came from (`from:`), when it had one. */
  from?: string;
  /** The input comes from the problem's generator (`args`, or `ops`/`opArgs`, are filled in before a run). */
  generate?: GenerateSpec;
  /** The expected result as the digest of its canonical JSON, instead of `expected`. */
  digest?: ResultDigest;
}

/** A generated input: the generator is called with `n`, `seed` and `variant`. */
export interface GenerateSpec {
  n: number;
  seed: number;
  variant?: string;
}

/** An expected result stored compactly: SHA-256 of its canonical JSON, and what it looks like, for messages. */
export interface ResultDigest {
  sha256: string;
  shape?: string;
}

/** A problem's input generator: a pack script, and the sizes complexity is measured at. */
export interface GeneratorSpec {
  /** Absolute path of the script (resolved against the problem folder). */
  script: string;
  /** [smallest, largest]: measured at the smallest size, doubled until the largest. */
  sizes: [number, number];
}

/** Everything about a problem, read when it is opened or run. */
export interface Problem extends ProblemSummary {
  statementPath: string;
  function?: FunctionSpec;
  class?: ClassSpec;
  compare: Compare;
  limits: Limits;
  followUps: string[];
  hints: string[];
  /** Starter file per language (absolute paths). */
  starters: Partial<Record<Language, string>>;
  /** Reference solutions found in solutions/ (absolute paths) by language. */
  solutions: { language: Language; path: string }[];
  /** Known-wrong solutions found in wrong/ by language. */
  wrong: { language: Language; path: string }[];
  cases: TestCase[];
  /** How to make an input of size n, when the problem has a generator. */
  generator?: GeneratorSpec;
  /** The time complexity of the reference solution in the generator's n (`O(n log n)`), as problem.yaml states it. */
  complexity?: string;
  /**
   * Known-wrong solutions that are wrong only in speed, and in the generator's n, by name (`brute-force` for
   * wrong/brute-force.py and wrong/brute-force.js): `drills check --complexity` proves each is measured above
   * `complexity`.
   */
  tooSlow?: string[];
  /** Absolute path of tests.yaml. */
  testsPath?: string;
  /**
   * Errors in the hidden tests (tests.yaml, its `from:` files, the checker). The cases they concern are not in
   * `cases`, so the problem must not be run as if whole: the runner refuses to run it while this is not empty.
   */
  testsErrors?: Diagnostic[];
}
