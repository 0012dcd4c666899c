import type { ProblemSummary } from '../pack/types';
import { isSolved, type DrillStateProvider } from './state';

/**
 * Picks a problem not yet solved, uniformly among the candidates; undefined when every one is solved.
 * `random` returns a number in [0, 1), as Math.random does (injected so tests can choose).
 */
export function pickRandomUnsolved(candidates: readonly ProblemSummary[], stateOf: DrillStateProvider, random: () => number): ProblemSummary | undefined {
  // The same problem may be listed under several topics: count it once.
  const seen = new Set<string>();
  const unsolved = candidates.filter((p) => {
    const key = `${p.packId}\u0000${p.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return !isSolved(stateOf(p.packId, p.id).state);
  });
  if (unsolved.length === 0) return undefined;
  const index = Math.min(unsolved.length - 1, Math.max(0, Math.floor(random() * unsolved.length)));
  return unsolved[index];
}
