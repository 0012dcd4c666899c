import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Language } from '../core/pack/types';
import { WarmRunner } from '../core/runner/index';
import type { CommandOptions } from './io';
import { loadProblemToRun, reportRun, type RunArgs } from './run';
import { cliRunnerEnv, memoryLimitHint } from './runner';

/** How long the file must stay quiet after a change before it is run: an editor's save is several events. */
export const WATCH_DEBOUNCE_MS = 100;

/**
 * What the file was when it was last run: a change event that leaves its content the same (a touch, an editor's
 * second event for one save) runs nothing. The content, not the modification time: two saves within the time's
 * resolution would look the same.
 */
interface Seen {
  digest: string;
}

function digestOf(text: Buffer): string {
  return crypto.createHash('sha1').update(text).digest('hex');
}

/**
 * `drills run … --watch`: runs the file once, then again on every save, each time in a process started ahead and
 * waiting (the interpreter's start is paid between saves, not after one), with the same report as a single run under
 * a line saying when. The folder is watched rather than the file, so an editor that saves by writing another file
 * and renaming it over this one still triggers a run. Ctrl-C ends it: the signal handlers of `drills run` kill the
 * run in progress and the waiting process. Returns only when the problem cannot run.
 */
export async function watchRuns(args: RunArgs, language: Language, options: CommandOptions): Promise<number> {
  const { style, io, json } = options;
  const env = cliRunnerEnv(io);
  const warm = new WarmRunner({ language, solutionPath: args.file, memoryMb: memoryLimitHint(args.packDir, args.problemId), env });
  // The interpreter starts while the problem loads.
  warm.warm();
  const problem = await loadProblemToRun(args, options);
  if (typeof problem === 'number') {
    warm.dispose();
    return problem;
  }
  // Status lines stay out of the JSON documents on stdout.
  const say = (text: string): void => (json ? io.err(text) : io.out(text));
  const name = path.basename(args.file);
  let seen: Seen | undefined;
  let running = false;
  let pending = false;
  let debounce: NodeJS.Timeout | undefined;

  /** The file as it is now, when it can be read; undefined in the middle of a save by rename. */
  const readNow = (): Seen | undefined => {
    try {
      return { digest: digestOf(fs.readFileSync(args.file)) };
    } catch {
      return undefined;
    }
  };

  const runNow = async (why: string): Promise<void> => {
    running = true;
    try {
      seen = readNow() ?? seen;
      say(style.dim(`── ${new Date().toLocaleTimeString()} · ${why} ──`));
      const result = await warm.run({ problem, language, solutionPath: args.file });
      await reportRun(problem, result, args, language, env, options);
      say(style.dim(`Watching ${name}: saving it runs it again (Ctrl-C to stop).`));
    } catch (e) {
      io.err(`drills: ${(e as Error).message}`);
    } finally {
      running = false;
    }
    // Saved while it ran: run what is there now.
    if (pending) {
      pending = false;
      check();
    }
  };

  /** Runs the file when its content changed since its last run. */
  const check = (): void => {
    if (running) {
      pending = true;
      return;
    }
    const now = readNow();
    // Missing in the middle of a save by rename: the rename's own event comes next.
    if (!now || (seen && now.digest === seen.digest)) return;
    void runNow(`${name} saved`);
  };

  // Watching starts before the first run: a save during it runs again once it ended.
  const watcher = fs.watch(path.dirname(args.file), (_event, filename) => {
    // Some platforms do not name the file: any change in the folder is checked then.
    if (filename && filename.toString() !== name) return;
    clearTimeout(debounce);
    debounce = setTimeout(check, WATCH_DEBOUNCE_MS);
  });
  watcher.on('error', (e) => io.err(`drills: watching ${name} stopped: ${e.message}`));
  await runNow(`running ${name}`);
  // Until a signal ends the process (endRunsOnSignals in run.ts).
  return new Promise<number>(() => undefined);
}
