import type { Language } from '../pack/types';

/** What starting a drill does about the language: take one without asking, or ask with an order. */
export type LanguageChoice =
  | { kind: 'chosen'; language: Language }
  | { kind: 'ask'; order: Language[]; preselected: Language; note?: string }
  | { kind: 'none'; message: string };

/**
 * Decides the language of a new attempt. The setting wins when the problem has that language (no prompt);
 * a problem with one language needs no prompt either; otherwise the user is asked, the last language they
 * chose listed first and pre-selected.
 */
export function chooseLanguage(available: readonly Language[], opts: { configured?: Language | null; lastUsed?: Language }): LanguageChoice {
  if (available.length === 0) return { kind: 'none', message: 'This problem has no starter file in any language, so it cannot be started.' };
  const { configured, lastUsed } = opts;
  if (configured && available.includes(configured)) return { kind: 'chosen', language: configured };
  if (available.length === 1) return { kind: 'chosen', language: available[0]! };
  const first = lastUsed && available.includes(lastUsed) ? lastUsed : available[0]!;
  const order = [first, ...available.filter((l) => l !== first)];
  const note = configured ? `The problem has no ${configured} starter (drills.defaultLanguage).` : undefined;
  return note ? { kind: 'ask', order, preselected: first, note } : { kind: 'ask', order, preselected: first };
}
