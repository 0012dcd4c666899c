import type { ContentLine } from '../markdown';

/**
 * Numbers in a design answer: "12k requests/s", "3 TB", "p99 200 ms", "40M events/day". A number counts when
 * it has a unit; a bare number ("we need 10000") is reported, since nobody can check it.
 */

/** What a unit measures. `factor` (10×, 30%) is a unit but measures no quantity of its own. */
export type QuantityCategory = 'rate' | 'size' | 'time' | 'count' | 'factor';

export interface Quantity {
  line: number;
  column: number;
  endColumn: number;
  text: string;
  category?: QuantityCategory;
}

const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e\d+)?(?:\s?(?:[kKmMbB](?![a-zA-Z])|thousand|million|billion|trillion|bn|mn))?`;
const PER = String.raw`\s*(?:\/|per|a|an|each|every)\s*(?:s|sec|secs|second|seconds|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|week|month|year)\b`;
const THINGS = String.raw`(?:[a-z]+[ -])?(?:requests?|reqs?|req|events?|messages?|msgs?|writes?|reads?|queries|query|calls?|ops|operations|impressions?|views?|plays?|sessions?|heartbeats?|beacons?|records?|rows?|decisions?|bids?|users?|viewers?|updates?|lookups?|logins?|clicks?|transactions?|txns?|jobs?|tasks?|pages?|points?|samples?|metrics?|spans?|logs?|lines?|changes?|deploys?|alerts?|items?|files?|segments?|chunks?|streams?|starts?|errors?)`;
const SIZE = String.raw`(?:[KMGTPE]i?B|[kmgtpe]b|bytes?|kilobytes?|megabytes?|gigabytes?|terabytes?|petabytes?|[KMGT]bps|[kmgt]bps)`;
const TIME = String.raw`(?:ms|milliseconds?|µs|us|ns|microseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?)`;
const COUNT = String.raw`(?:[a-z]+[ -])?(?:${THINGS}|users?|dau|mau|members?|subscribers?|accounts?|devices?|households?|titles?|shows?|videos?|campaigns?|advertisers?|ads?|regions?|zones?|servers?|hosts?|nodes?|machines?|instances?|pods?|partitions?|shards?|replicas?|brokers?|services?|clusters?|countries|markets?|tenants?|customers?|engineers?|teams?|dashboards?|widgets?|cdns?|pops?|edges?|keys?|entries|objects?|candidates?|features?|models?|cores?|cpus?|gpus?|connections?|threads?|consumers?|producers?|workers?|copies|versions?)`;

// Order matters: a rate ("events/day") must win over its thing alone ("events"), a size rate (GB/s) is a rate.
const UNIT_PATTERNS: [QuantityCategory, string][] = [
  ['rate', String.raw`(?:${SIZE}|${THINGS})${PER}|rps|qps|tps|eps|[kmgt]?bps|\/s\b|\/sec\b|per second`],
  ['size', SIZE],
  ['time', TIME],
  ['factor', String.raw`×|x(?![a-z])|%|percent|times\b|fold\b`],
  ['count', COUNT],
];

const QUANTITY = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.$#/-])(${NUMBER})(?:\s*(?:${UNIT_PATTERNS.map(([, p]) => `(${p})`).join('|')})(?![\p{L}\p{N}]))?`,
  'giu',
);

/** Every number in the content, with the category of its unit (undefined: a bare number). */
export function quantitiesIn(content: readonly ContentLine[]): Quantity[] {
  const found: Quantity[] = [];
  for (const c of content) {
    QUANTITY.lastIndex = 0;
    for (let m = QUANTITY.exec(c.text); m; m = QUANTITY.exec(c.text)) {
      const unitIndex = m.slice(2).findIndex((g) => g !== undefined);
      const category = unitIndex >= 0 ? UNIT_PATTERNS[unitIndex][0] : undefined;
      found.push({ line: c.line, column: c.column + m.index, endColumn: c.column + m.index + m[0].length, text: m[0], category });
    }
  }
  return found;
}
