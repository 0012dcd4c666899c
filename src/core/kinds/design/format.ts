/**
 * The system-design format: the six steps of a design round, the failure checklist, the rubric. One table
 * each, so the scaffold, the gate, the loader, the schema test and the docs all read the same list.
 */

/** The six steps of a design answer, in the order an interviewer expects them. */
export type DesignPhaseId = 'requirements' | 'scale' | 'dataFlow' | 'consistency' | 'failure' | 'operations';

export interface DesignPhaseSpec {
  id: DesignPhaseId;
  /** Heading of the section in DESIGN.md. */
  title: string;
  /** Minutes in a 45-minute round. */
  minutes: number;
  /** What the section should answer, shown as a comment in the scaffold. */
  guidance: string;
  /** Heading words that name the section (lower case, after numbering is removed). */
  heading: RegExp;
}

export const DESIGN_PHASES: readonly DesignPhaseSpec[] = [
  {
    id: 'requirements',
    title: 'Requirements and success metrics',
    minutes: 8,
    guidance: 'Who uses it and for what; what is in and out of scope; the two or three numbers that say it works (a latency, a freshness, a rate). Ask before you draw.',
    heading: /requirement|success|\bgoals?\b|\bscope\b|\bmetrics?\b/,
  },
  {
    id: 'scale',
    title: 'Scale assumptions',
    minutes: 5,
    guidance: 'Numbers with units: requests/s at peak, events/day, payload size, storage in GB or TB, latency budget in ms. Say where each number comes from.',
    heading: /\bscale\b|capacity|estimat|envelope|assumption|\bsizing\b|\bload\b/,
  },
  {
    id: 'dataFlow',
    title: 'Core data flow',
    minutes: 12,
    guidance: 'The simplest architecture that meets the requirements: components, what flows between them, where data is stored. Then where it breaks first.',
    heading: /data ?flow|architecture|high[- ]level|\bcomponents?\b|\bflow\b|\bapi\b/,
  },
  {
    id: 'consistency',
    title: 'Consistency model',
    minutes: 6,
    guidance: 'What may be stale and for how long, what must never be wrong, ordering, idempotency keys, what happens on concurrent writes.',
    heading: /consisten|correctness|\bordering\b|guarantee|\bsemantics\b/,
  },
  {
    id: 'failure',
    title: 'Failure design',
    minutes: 8,
    guidance: 'How each part fails and what the system does then: overload, retries, duplicates, a zone down, a bad deploy, data loss, how you roll back.',
    heading: /failure|\bfault|resilien|reliab|what (can|could) go wrong/,
  },
  {
    id: 'operations',
    title: 'Operations',
    minutes: 6,
    guidance: 'How you know it works (metrics, SLOs, alerts that page a person), how you deploy and migrate, data quality checks, cost.',
    heading: /operat|observab|monitor|\bops\b|deploy|rollout|run ?book/,
  },
];

export const DESIGN_PHASE_IDS: readonly DesignPhaseId[] = DESIGN_PHASES.map((p) => p.id);

/** Minutes of a design round when neither the problem nor its pack says otherwise. */
export const DEFAULT_DESIGN_MINUTES = DESIGN_PHASES.reduce((sum, p) => sum + p.minutes, 0);

/** Minutes to answer one probe, when the probe does not say. */
export const DEFAULT_PROBE_MINUTES = 3;

/** Decisions the decision log needs. */
export const DECISIONS_REQUIRED = 5;

/** A failure mode the failure section should name, and the words that count as naming it. */
export interface FailureMode {
  id: string;
  label: string;
  /** Words or word beginnings, case-insensitive, matched at the start of a word. */
  terms: string[];
}

/** What every design answer's failure section is checked against; a problem may add its own modes. */
export const FAILURE_CHECKLIST: readonly FailureMode[] = [
  { id: 'backpressure', label: 'Backpressure', terms: ['backpressure', 'back-pressure', 'back pressure', 'load shed', 'shed load', 'shedding', 'throttl', 'rate limit', 'rate-limit', 'queue depth', 'consumer lag', 'bounded queue', 'admission control'] },
  { id: 'retries', label: 'Retries', terms: ['retry', 'retries', 'retried', 'retrying', 'backoff', 'back-off', 'jitter', 'dead letter', 'dead-letter', 'dlq', 'redeliver', 'retry storm'] },
  { id: 'duplicates', label: 'Duplicate events', terms: ['duplicate', 'dedup', 'de-dup', 'idempot', 'exactly-once', 'exactly once', 'at-least-once', 'at least once'] },
  { id: 'partial-outage', label: 'Partial outage', terms: ['partial outage', 'outage', 'region', 'zone', 'failover', 'fail over', 'degrad', 'circuit breaker', 'circuit-breaker', 'fallback', 'brownout', 'dependency is down', 'dependency down'] },
  { id: 'bad-deploy', label: 'Bad deploy', terms: ['bad deploy', 'deploy', 'canary', 'canaries', 'feature flag', 'kill switch', 'bad config', 'config push', 'staged rollout', 'release'] },
  { id: 'alert-fatigue', label: 'Alert fatigue', terms: ['alert fatigue', 'noisy alert', 'alert noise', 'burn rate', 'burn-rate', 'actionable', 'paging', 'page a', 'pages a', 'page the', 'symptom-based', 'symptom based'] },
  { id: 'data-loss', label: 'Data loss', terms: ['data loss', 'lose data', 'losing data', 'lost event', 'lost data', 'durab', 'replicat', 'backup', 'snapshot', 'acks=all', 'fsync', 'rpo', 'retention'] },
  { id: 'rollback', label: 'Rollback', terms: ['rollback', 'roll back', 'rolled back', 'rolling back', 'revert', 'backfill', 'replay', 'reprocess', 'restore', 'previous version'] },
];

/** A regular expression that finds any of a mode's terms at the start of a word. */
export function failureModePattern(mode: FailureMode): RegExp {
  const escaped = mode.terms.map((t) => t.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})`, 'giu');
}

/** One criterion of the self-assessment after the probes, scored 1 to 4. */
export interface RubricCriterion {
  id: string;
  title: string;
  /** What each score means, 1 to 4. */
  levels: [string, string, string, string];
}

/** What interviewers look for in a design round. */
export const DESIGN_RUBRIC: readonly RubricCriterion[] = [
  {
    id: 'requirementsFirst',
    title: 'Requirements before diagrams',
    levels: [
      'Drew boxes before knowing who the users are or what success means.',
      'Listed features, but no success metric or scope cut.',
      'Users, scope and success metrics came first and shaped the design.',
      'Requirements came first, the vague parts were named and resolved, and a metric decided a later trade-off.',
    ],
  },
  {
    id: 'simpleArchitecture',
    title: 'A simple architecture and where it breaks',
    levels: [
      'Many components with no clear reason for each, or no architecture at all.',
      'A workable architecture, but its limits were not named.',
      'The simplest design that meets the requirements, with its first bottleneck named.',
      'Started simple, named where it breaks at 10× and what changes then, and no sooner.',
    ],
  },
  {
    id: 'unprompted',
    title: 'Data quality, observability, migration and rollback, unprompted',
    levels: [
      'None of them came up until a probe asked.',
      'One of them came up on its own.',
      'Most of them came up before any probe asked.',
      'All of them, with a concrete mechanism each (a check, a metric, a migration step, a rollback path).',
    ],
  },
  {
    id: 'numbers',
    title: 'Numbers',
    levels: [
      'No numbers, or numbers that decided nothing.',
      'Some numbers, without units or without where they came from.',
      'Rates, sizes and latencies with units, and they shaped at least one choice.',
      'Numbers checked against each other (a rate times a size against a budget), and the design changed because of one.',
    ],
  },
  {
    id: 'tradeOffs',
    title: 'Trade-offs explained to a non-specialist',
    levels: [
      'Choices stated without alternatives.',
      'Alternatives named, but in jargon or without a reason.',
      'Each main decision has an alternative and a reason a product manager would follow.',
      'Trade-offs in plain words with what would change your mind, tied to the success metrics.',
    ],
  },
];

/** Lowest and highest rubric score. */
export const RUBRIC_MIN = 1;
export const RUBRIC_MAX = 4;
