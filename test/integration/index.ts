// Entry point VS Code loads as `extensionTestsPath`: runs the integration suite with mocha inside the
// extension host and leaves the results where a launcher can read them. The browser launcher has no exit
// code and cannot pass environment variables, hence the file convention (see resultsDirOf).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import Mocha from 'mocha';
import { FILES_ENV, isOurs, SHUFFLE_ENV, selectSuiteFiles, shuffled, shuffleSeed, suiteName } from './suiteOrder';

/** One failed test, as written to the results file. */
export interface FailureRecord {
  title: string;
  message: string;
  stack: string;
}

/** The results file's shape (`results.json`); scripts/lib/results.mjs reads it. */
export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  failures: FailureRecord[];
  tests: { title: string; state: 'passed' | 'failed' | 'pending' }[];
  durationMs: number;
}

/** Environment variable naming the folder for results.json and progress.log. */
export const OUTPUT_DIR_ENV = 'DRILLS_TEST_OUTPUT_DIR';
/** Folder inside the first workspace folder used when the environment variable is not set. */
export const WORKSPACE_OUTPUT_DIR = '.drills-test';

/** The folder the results go to: `$DRILLS_TEST_OUTPUT_DIR`, else `<first workspace folder>/.drills-test`. */
export function resultsDirOf(env: NodeJS.ProcessEnv, workspaceFolders: readonly string[]): string {
  const fromEnv = env[OUTPUT_DIR_ENV];
  if (fromEnv) return fromEnv;
  const first = workspaceFolders[0];
  if (!first) throw new Error(`Set ${OUTPUT_DIR_ENV} or open a workspace folder: the suite has nowhere to write its results.`);
  return path.join(first, WORKSPACE_OUTPUT_DIR);
}

/** The results folder of the suite running in this extension host (see resultsDirOf). */
export function suiteOutputDir(): string {
  return resultsDirOf(process.env, (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath));
}

/** Lists the compiled suite files next to this entry point. */
function suiteFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** An unhandled promise rejection seen while the suite ran, with the test that was running then. */
interface Rejection {
  during: string;
  message: string;
  stack: string;
}

/** Runs every `*.test.js` under this folder; rejects when a test failed or none ran. */
export async function run(): Promise<void> {
  const outDir = suiteOutputDir();
  fs.mkdirSync(outDir, { recursive: true });
  const progressFile = path.join(outDir, 'progress.log');
  const resultsFile = path.join(outDir, 'results.json');
  const progress = (line: string) => fs.appendFileSync(progressFile, line + '\n');

  // DRILLS_TEST_GREP runs only the tests whose full title matches (a launcher passes it on to the extension host).
  const grep = process.env.DRILLS_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });

  const started = Date.now();
  const results: SuiteResults = { passed: 0, failed: 0, pending: 0, failures: [], tests: [], durationMs: 0 };
  try {
    // DRILLS_TEST_FILES runs only those files, DRILLS_TEST_SHUFFLE in a shuffled order: each file sets up and puts
    // back what it needs, so any subset in any order passes.
    let files = selectSuiteFiles(suiteFiles(__dirname), process.env[FILES_ENV]);
    const seed = shuffleSeed(process.env[SHUFFLE_ENV]);
    if (seed !== undefined) {
      files = shuffled(files, seed);
      progress(`(suite files shuffled with ${SHUFFLE_ENV}=${seed}: ${files.map(suiteName).join(', ')})`);
    } else if (process.env[FILES_ENV]) progress(`(suite files: ${files.map(suiteName).join(', ')})`);
    for (const file of files) mocha.addFile(file);
    await mocha.loadFilesAsync();
  } catch (e) {
    // A suite file that throws while loading is a failure of its own, not "no tests".
    const err = e instanceof Error ? e : new Error(String(e));
    results.failed = 1;
    results.failures.push({ title: 'loading the suite files', message: err.message, stack: err.stack ?? '' });
    progress(`✘ loading the suite files: ${err.message}`);
    fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
    throw err;
  }

  // An unhandled rejection fails the run: mocha alone passes it on to VS Code, which only logs it. Ours are those whose
  // stack runs through the extension under test or this suite (see isOurs).
  const roots = [path.resolve(__dirname, '..', '..', '..')];
  const rejections: Rejection[] = [];
  const seen = new Set<unknown>();
  let current = '(between tests)';
  const onRejection = (reason: unknown) => {
    // Mocha listens too and emits the same rejection again to the other listeners: count it once.
    if (seen.has(reason)) return;
    seen.add(reason);
    const message = reason instanceof Error ? reason.message : String(reason);
    if (!isOurs(reason, roots)) {
      progress(`(an unhandled rejection outside Drills, not counted: ${message.split('\n')[0]})`);
      return;
    }
    rejections.push({ during: current, message, stack: reason instanceof Error ? (reason.stack ?? '') : '' });
    progress(`✘ unhandled promise rejection during ${current}: ${message}`);
  };
  process.on('unhandledRejection', onRejection);
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('test', (test) => (current = test.fullTitle()));
    runner.on('test end', () => (current = '(between tests)'));
    runner.on('pass', (test) => {
      results.passed++;
      results.tests.push({ title: test.fullTitle(), state: 'passed' });
      progress(`✔ ${test.fullTitle()} (${test.duration ?? 0} ms)`);
    });
    runner.on('fail', (test, err: Error) => {
      results.failed++;
      results.tests.push({ title: test.fullTitle(), state: 'failed' });
      results.failures.push({ title: test.fullTitle(), message: String(err?.message ?? err), stack: String(err?.stack ?? '') });
      progress(`✘ ${test.fullTitle()}\n    ${String(err?.message ?? err).split('\n').join('\n    ')}`);
    });
    runner.on('pending', (test) => {
      results.pending++;
      results.tests.push({ title: test.fullTitle(), state: 'pending' });
      progress(`- ${test.fullTitle()} (skipped)`);
    });
  });
  // A rejection left when the last test ended is reported once the current turn of the event loop is over.
  await new Promise((r) => setImmediate(r));
  process.off('unhandledRejection', onRejection);
  for (const r of rejections) {
    results.failed++;
    const title = `no unhandled promise rejection (during ${r.during})`;
    results.tests.push({ title, state: 'failed' });
    results.failures.push({ title, message: `Unhandled promise rejection: ${r.message}`, stack: r.stack });
  }
  results.durationMs = Date.now() - started;
  // Written last and whole: a launcher takes the file's presence as "the suite finished".
  fs.writeFileSync(resultsFile + '.tmp', JSON.stringify(results, null, 2));
  fs.renameSync(resultsFile + '.tmp', resultsFile);
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed.`);
  if (results.passed === 0) throw new Error('No integration test ran.');
}
