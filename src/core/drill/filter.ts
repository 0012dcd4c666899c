import type { Difficulty, ProblemSummary } from '../pack/types';
import { DIFFICULTIES } from '../pack/types';
import { DRILL_STATES, stateLabel, type DrillState, type DrillStateProvider } from './state';

/** What the Drills view narrows to. An empty list means "any". */
export interface DrillFilter {
  difficulties: Difficulty[];
  topics: string[];
  states: DrillState[];
}

/** The filter that lets everything through. */
export const NO_FILTER: DrillFilter = { difficulties: [], topics: [], states: [] };

/** True when the filter lets everything through. */
export function isFilterEmpty(filter: DrillFilter): boolean {
  return filter.difficulties.length === 0 && filter.topics.length === 0 && filter.states.length === 0;
}

/** True when the problem passes every dimension of the filter (a problem passes the topics if it has any of them). */
export function matchesFilter(problem: ProblemSummary, state: DrillState, filter: DrillFilter): boolean {
  if (filter.difficulties.length > 0 && !filter.difficulties.includes(problem.difficulty)) return false;
  if (filter.topics.length > 0 && !problem.topics.some((t) => filter.topics.includes(t))) return false;
  if (filter.states.length > 0 && !filter.states.includes(state)) return false;
  return true;
}

/** The problems that pass the filter, in their original order. */
export function filterProblems(problems: readonly ProblemSummary[], stateOf: DrillStateProvider, filter: DrillFilter): ProblemSummary[] {
  return problems.filter((p) => matchesFilter(p, stateOf(p.packId, p.id).state, filter));
}

/** A short summary for the view's description: `easy, medium · graphs · Not started`; empty when no filter. */
export function describeFilter(filter: DrillFilter): string {
  // Listed in canonical order, whatever order they were picked in.
  const parts = [
    DIFFICULTIES.filter((d) => filter.difficulties.includes(d)).join(', '),
    [...filter.topics].sort().join(', '),
    DRILL_STATES.filter((s) => filter.states.includes(s)).map(stateLabel).join(', '),
  ];
  return parts.filter((p) => p.length > 0).join(' · ');
}

/** A problem's place in the tree: under which topic it is listed. */
export interface TopicGroup {
  topic: string;
  problems: ProblemSummary[];
}

/** The label of the group for problems without a topic. */
export const NO_TOPIC = 'other';

/**
 * Groups problems by topic, topics sorted, problems by difficulty then title. A problem is listed under each
 * of its topics, so browsing a topic shows every problem about it. With topics in the filter, only those
 * topics are listed: a problem picked for "graphs" does not reappear under its other topics.
 */
export function groupByTopic(problems: readonly ProblemSummary[], topicFilter: readonly string[] = []): TopicGroup[] {
  const groups = new Map<string, ProblemSummary[]>();
  for (const problem of problems) {
    const topics = problem.topics.length > 0 ? problem.topics : [NO_TOPIC];
    for (const topic of new Set(topics)) {
      if (topicFilter.length > 0 && !topicFilter.includes(topic)) continue;
      groups.set(topic, [...(groups.get(topic) ?? []), problem]);
    }
  }
  const rank = (p: ProblemSummary) => DIFFICULTIES.indexOf(p.difficulty);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, list]) => ({ topic, problems: list.sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title)) }));
}

/** Every topic used by the problems, sorted: the choices of the topic filter. */
export function topicsOf(problems: readonly ProblemSummary[]): string[] {
  return [...new Set(problems.flatMap((p) => p.topics))].sort();
}
