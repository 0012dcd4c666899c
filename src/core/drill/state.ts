/** Where the user stands on a problem, as the tree shows it. Same names as the attempt statuses. */
export type DrillState = 'new' | 'in-progress' | 'solved' | 'solved-late' | 'failed';
export const DRILL_STATES: readonly DrillState[] = ['new', 'in-progress', 'solved', 'solved-late', 'failed'];

/** What the tree knows about a problem's history: its state and the best solving time, if any. */
export interface DrillStateInfo {
  state: DrillState;
  /** Fastest accepted solve, in milliseconds. */
  bestMs?: number;
}

/** Looks up a problem's state; the history supplies it, and without one everything is `new`. */
export type DrillStateProvider = (packId: string, problemId: string) => DrillStateInfo;

/** The provider used before any history is wired: every problem is new. */
export const ALL_NEW: DrillStateProvider = () => ({ state: 'new' });

/** True for a state that counts as done: random picks skip these. */
export function isSolved(state: DrillState): boolean {
  return state === 'solved' || state === 'solved-late';
}

/** Human words for a state, for tooltips and filter labels. */
export function stateLabel(state: DrillState): string {
  switch (state) {
    case 'new':
      return 'Not started';
    case 'in-progress':
      return 'In progress';
    case 'solved':
      return 'Solved';
    case 'solved-late':
      return 'Solved over time';
    case 'failed':
      return 'Failed';
  }
}
