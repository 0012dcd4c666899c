/**
 * What every run in this process would leave behind if the process ended now: harness process trees and private
 * temporary folders. A run registers each as it creates it and unregisters it once cleaned up. `endAllRuns` is what
 * the CLI's signal handlers and the extension's deactivate call: synchronous, so it finishes before the process
 * exits.
 */
const live = new Set<() => void>();
let ended = 0;

/** Registers a synchronous cleanup; the returned function unregisters it (call it once cleaned up). */
export function registerCleanup(cleanup: () => void): () => void {
  const entry = (): void => cleanup();
  live.add(entry);
  return () => {
    live.delete(entry);
  };
}

/** Kills every harness and checker process of every run in progress and removes their temporary folders. */
export function endAllRuns(): void {
  ended++;
  for (const cleanup of [...live]) {
    live.delete(cleanup);
    try {
      cleanup();
    } catch {
      // One failed cleanup must not keep the others from running.
    }
  }
}

/** How many cleanups are registered (for tests: none once every run ended). */
export function pendingCleanups(): number {
  return live.size;
}

/** How many times every run was ended: a run that sees this change stops instead of starting another process. */
export function timesEnded(): number {
  return ended;
}
