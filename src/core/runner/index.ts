/** The hidden-test runner: the editor and the CLI call `runSolution`. */
export { runSolution, prestartHarness, harnessSpecFor, OUTPUT_CAP } from './run';
export { createInterpreterResolver, defaultInterpreterCacheFile, findOnPath, toolchainMissingMessage, toolchainSetting, type InterpreterResolverOptions, type ProbeInterpreter } from './interpreters';
export { solutionEnv } from './languages';
export { compareValues, jsonEqual, floatEqual, unorderedEqual, canonicalJson, typeMismatch, preview } from './compare';
export { runChecker, loadChecker, type CheckItem, type CheckVerdict, type CheckerScript } from './checker';
export { endAllRuns } from './cleanup';
export * from './protocol';
export { parseJsonExact, stringifyJsonExact } from '../exactJson';
export * from './types';
export { WarmRunner, WarmSlot, DEFAULT_WARM_IDLE_MS, type WarmRunnerOptions, type WarmTarget, type WarmTimers } from './warm';
