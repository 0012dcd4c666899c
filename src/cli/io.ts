import type { Style } from './style';

/** Exit codes of every `drills` command. */
export const ExitCode = {
  Ok: 0,
  Failed: 1,
  Usage: 2,
} as const;

/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  version: string;
  /** Resolves a path given on the command line against the working directory. */
  resolve(p: string): string;
  /** Folder holding the bundled harnesses (out/harness). */
  harnessDir: string;
  /** Folder for caches (the resolved python3, …). */
  cacheDir: string;
}

export interface CommandOptions {
  json: boolean;
  style: Style;
  io: Io;
}
