// Types of validators.js, which scripts/gen-validators.mjs generates from schemas/*.schema.json (run by
// esbuild.js before every build). Committed, unlike the .js, so type-checking a fresh clone needs no build.
import type { ErrorObject } from 'ajv';

/** A validation function ajv generated ahead of time: true when valid, else `errors` says why. */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Validates drills-pack.yaml against schemas/drills-pack.schema.json. */
export declare const pack: GeneratedValidator;
/** Validates problem.yaml against schemas/problem.schema.json. */
export declare const problem: GeneratedValidator;
/** Validates tests.yaml against schemas/tests.schema.json. */
export declare const tests: GeneratedValidator;
