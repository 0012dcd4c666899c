import type { LanguageModule } from '../languages/types';
import { RUN_MARKER_VAR } from './processTree';
import type { Interpreter } from './types';

/** Variables every solution process gets from the user's environment: where programs are, home, locale, temp (any case: Windows writes `Path`). */
const BASE_ENV = /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|TEMP|TMP|TERM|SYSTEMROOT|SystemRoot|WINDIR|COMSPEC|PATHEXT|USERPROFILE|APPDATA|LOCALAPPDATA)$/i;

/**
 * The environment of a solution's process: what the toolchain needs and nothing else, so tokens and keys in the
 * user's environment (GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY…) never reach code from a pack. `marker` tags every
 * process the solution starts (see processTree.ts). `launchEnv` is what the language's `run` asked for.
 */
export function solutionEnv(
  language: Pick<LanguageModule, 'keepEnv' | 'fixedEnv'>,
  interpreter: Interpreter,
  marker: string,
  from: NodeJS.ProcessEnv = process.env,
  launchEnv: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(from)) {
    if (value !== undefined && (BASE_ENV.test(key) || language.keepEnv.test(key))) env[key] = value;
  }
  Object.assign(env, language.fixedEnv, interpreter.env, launchEnv);
  env[RUN_MARKER_VAR] = marker;
  return env;
}
