import * as path from 'node:path';
import { cpp } from './cpp';
import { java } from './java';
import { go } from './go';
import { javascript } from './javascript';
import { python } from './python';
import { typescript } from './typescript';
import type { LanguageModule, StackFrame, ToolchainSpec } from './types';

/**
 * Every language Drills runs, in the order menus list them. Adding a language is adding its module here (see
 * docs/languages.md); nothing else in the program names a language.
 */
export const LANGUAGES = [python, javascript, typescript, java, cpp, go] as const;

/** A language's id, as packs, settings and history write it. */
export type Language = (typeof LANGUAGES)[number]['id'];

/** The ids of `LANGUAGES`, in its order. */
export const LANGUAGE_IDS: readonly Language[] = LANGUAGES.map((l) => l.id);

const BY_ID = new Map<string, LanguageModule<Language>>(LANGUAGES.map((l) => [l.id, l]));

/** The module of a language id. */
export function languageById(id: Language): LanguageModule<Language> {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`Unknown language ${id}`);
  return found;
}

/** Whether `value` is a language id. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && BY_ID.has(value);
}

/** The language id a key of a `names:` or `raises:` map means: the id itself or one of its aliases. */
export function languageForKey(key: string): Language | undefined {
  return isLanguage(key) ? key : LANGUAGES.find((l) => l.aliases.includes(key))?.id;
}

/** The language of a solution file, by its extension; undefined for other files. */
export function languageForFile(file: string): Language | undefined {
  const name = path.basename(file).toLowerCase();
  const ext = path.extname(name);
  return LANGUAGES.find((l) => l.extension === ext && !(l.notSolutionSuffixes ?? []).some((s) => name.endsWith(s)))?.id;
}

/** The toolchains of every language, each once (JavaScript and TypeScript share node). */
export const TOOLCHAINS: readonly ToolchainSpec[] = [...new Map(LANGUAGES.map((l) => [l.toolchain.id, l.toolchain])).values()];

/** The toolchain spec with this id. */
export function toolchainById(id: string): ToolchainSpec | undefined {
  return TOOLCHAINS.find((t) => t.id === id);
}

/** The frames of a stack trace in `language`'s format or, without one, in the first format that reads any. */
export function stackFramesOf(stack: string, language?: Language): StackFrame[] {
  if (language) return languageById(language).stackFrames(stack);
  for (const l of LANGUAGES) {
    const frames = l.stackFrames(stack);
    if (frames.length > 0) return frames;
  }
  return [];
}

/**
 * The 1-based line where a solution defines `name` (a function, method or class), for placing a failure when the
 * runner knows no line; 1 when it is not found. Without a language, any language's definition counts.
 */
export function definitionLineOf(source: string, name: string, language?: Language): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = (language ? [languageById(language)] : LANGUAGES).map((l) => l.definitionPattern(escaped));
  const index = source.split(/\r?\n/).findIndex((line) => patterns.some((p) => p.test(line)));
  return index >= 0 ? index + 1 : 1;
}
