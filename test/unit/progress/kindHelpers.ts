import type { KindHistoryEntry, DesignHistoryEntry, StoryHistoryEntry } from '../../../src/core/kinds/history';
import {
  abandonDesign, designRecord, DESIGN_RUBRIC, FAILURE_CHECKLIST, finishProbes, isDesignDrillError, nextProbe, rateDesign, startDesignDrill, submitDesign,
  type DesignDrillError, type DesignDrillState, type DesignGateResult,
} from '../../../src/core/kinds/design/index';
import { chooseStory, isRehearsalError, rateRehearsal, rehearsalRecord, REHEARSAL_RUBRIC, startRehearsal, stopAnswer, type StoryTypeId } from '../../../src/core/kinds/story/index';
import { MIN } from './helpers';

function ok(x: DesignDrillState | DesignDrillError): DesignDrillState {
  if (isDesignDrillError(x)) throw new Error(x.message);
  return x;
}

export interface MadeDesign {
  id: string;
  packId?: string;
  problemId?: string;
  start: number;
  /** Every rubric criterion's score (1–4). */
  score?: number;
  /** How many of the failure-mode checklist DESIGN.md named (of 8). */
  anticipated?: number;
  /** Minutes each of the two probes took (each has 3). */
  probeMinutes?: [number, number];
  abandoned?: boolean;
  /** Stop before the rubric (still in progress). */
  open?: boolean;
}

/** A design drill driven through the core's transitions: the gate opens 30 minutes in, two probes, then the rubric. */
export function makeDesign(m: MadeDesign): DesignHistoryEntry {
  const probes = [
    { id: 'p1', question: 'What if a region fails?', concerns: ['failover'], minutes: 3 },
    { id: 'p2', question: 'What if events arrive twice?', concerns: ['dedup'], minutes: 3 },
  ];
  let state: DesignDrillState = startDesignDrill({ packId: m.packId ?? 'builtin', id: m.problemId ?? 'url-shortener', probes }, m.start);
  let t = m.start + 30 * MIN;
  const anticipated = FAILURE_CHECKLIST.slice(0, m.anticipated ?? FAILURE_CHECKLIST.length);
  const missed = FAILURE_CHECKLIST.slice(m.anticipated ?? FAILURE_CHECKLIST.length);
  const gate = { passed: true, findings: [], coverage: { anticipated, missed }, quantities: [], decisions: [] } as unknown as DesignGateResult;
  if (m.abandoned) {
    state = ok(abandonDesign(state, t));
  } else {
    const submitted = submitDesign(state, gate, t);
    if ('error' in submitted) throw new Error(submitted.message);
    state = submitted.state;
    const [a, b] = m.probeMinutes ?? [2, 2];
    t += a * MIN;
    state = ok(nextProbe(state, t));
    t += b * MIN;
    state = ok(finishProbes(state, t));
    if (!m.open) state = ok(rateDesign(state, Object.fromEntries(DESIGN_RUBRIC.map((c) => [c.id, m.score ?? 3])), t + MIN));
  }
  return { id: m.id, kind: 'design', attemptDir: '/tmp/design', documentPath: '/tmp/design/DESIGN.md', state, record: designRecord(state) };
}

export interface MadeRehearsal {
  id: string;
  type?: StoryTypeId;
  start: number;
  /** Seconds spoken. */
  seconds: number;
  /** Every criterion's self-rating (1–4). */
  score?: number;
  /** The question asks for another story type than the one told. */
  mismatched?: boolean;
}

/** A rehearsal driven through the core's transitions. */
export function makeRehearsal(m: MadeRehearsal): StoryHistoryEntry {
  const type = m.type ?? 'trade-off';
  const question = { id: `q-${m.id}`, text: 'Tell me about a hard decision.', stories: [m.mismatched ? 'incident' : type] as StoryTypeId[] };
  const asked = startRehearsal([question], () => 0, m.start);
  if (isRehearsalError(asked)) throw new Error(asked.message);
  const chosen = chooseStory(asked, { file: `/ws/stories/${type}.md`, type }, m.start + 10_000);
  if (isRehearsalError(chosen)) throw new Error(chosen.message);
  const stopped = stopAnswer(chosen, m.start + 10_000 + m.seconds * 1000);
  if (isRehearsalError(stopped)) throw new Error(stopped.message);
  const rated = rateRehearsal(stopped, Object.fromEntries(REHEARSAL_RUBRIC.map((c) => [c.id, m.score ?? 3])), m.start + 20_000 + m.seconds * 1000);
  if (isRehearsalError(rated)) throw new Error(rated.message);
  return { id: m.id, kind: 'story', record: rehearsalRecord(rated) };
}

export type { KindHistoryEntry };
