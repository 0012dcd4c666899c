import { abandon, finish, recordRun, revealHint, submitPlan, type Attempt } from '../../../src/core/attempt';
import { MIN, PLAN, newAttempt, ok, run } from '../attempt/fixtures';

export { MIN, T0 } from '../attempt/fixtures';

/** How a test attempt ends. */
export type Ending = 'solved' | 'solved-late' | 'failed' | 'abandoned' | 'open';

export interface MadeAttempt {
  id: string;
  problemId?: string;
  /** When it started (epoch ms). */
  start: number;
  /** Minutes into the attempt when it ends. */
  after?: number;
  ending: Ending;
  /** Tags of the hidden cases; the plan (PLAN) states empty, duplicates, negative. */
  tags?: string[];
  hints?: number;
  mode?: 'strict' | 'practice';
  /** Whether the first run passes (the default: the only run passes). */
  firstRunFails?: boolean;
}

/**
 * A real attempt driven through the core's transitions: a 45-minute attempt at `start`, the plan
 * submitted after 5 minutes, runs and hints as asked, closed `after` minutes in.
 */
export function makeAttempt(m: MadeAttempt): Attempt {
  const base = newAttempt(m.mode ?? (m.ending === 'solved-late' ? 'practice' : 'strict'), m.id, m.problemId ?? 'two-sum');
  const shift = m.start - base.timer.startedAt;
  let a: Attempt = { ...base, timer: { ...base.timer, startedAt: m.start } };
  a = ok(submitPlan(a, PLAN, m.start + 5 * MIN, ['empty', 'duplicates', 'negative', 'ordering', 'large']));
  void shift;
  const at = (min: number) => m.start + min * MIN;
  for (let i = 0; i < (m.hints ?? 0); i++) a = ok(revealHint(a, 5, at(6 + i)));
  const tags = (m.tags ?? ['empty']).map((t) => [t]);
  const verdicts = (pass: boolean) => tags.map((_, i) => (pass || i > 0 ? 'passed' : 'failed') as 'passed' | 'failed');
  const end = m.after ?? 20;
  if (m.firstRunFails) a = ok(recordRun(a, run(verdicts(false), tags), at(Math.max(7, end - 2))));
  switch (m.ending) {
    case 'solved':
      return ok(recordRun(a, run(verdicts(true), tags), at(end)));
    case 'solved-late':
      return ok(recordRun(a, run(verdicts(true), tags), at(Math.max(end, 50))));
    case 'failed':
      a = ok(recordRun(a, run(verdicts(false), tags), at(end - 1)));
      return ok(finish(a, at(end)));
    case 'abandoned':
      return ok(abandon(a, at(end)));
    case 'open':
      return a;
  }
}
