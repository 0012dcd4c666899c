import type { Verdict } from '../runner/types';

/**
 * Edge-case coverage: which tags of the hidden cases the candidate anticipated in the plan, which they
 * missed, and which they stated that no case tests.
 */

/** A hidden case as coverage needs it: its tags and, after a run, its verdict. */
export interface CoverageCase {
  tags: readonly string[];
  verdict?: Verdict;
}

/** One tag of the hidden cases. */
export interface TagCoverage {
  tag: string;
  /** Hidden cases carrying the tag. */
  cases: number;
  /** Of those, how many did not pass (failed, error, timeout, memory) in the run given. */
  failed: number;
}

export interface CoverageReport {
  anticipated: TagCoverage[];
  missed: TagCoverage[];
  /** Stated in the plan, carried by no hidden case. */
  extra: string[];
  /** One or two sentences for the candidate. */
  text: string;
}

/** Verdicts that count as a failure of the solution; `notRun` says nothing about it. */
const FAILING: ReadonlySet<Verdict> = new Set<Verdict>(['failed', 'error', 'timeout', 'memory']);

/**
 * Compares the tags of the hidden cases with the tags stated in the plan. `cases` is either the tag
 * lists of the cases or the cases of a run (with verdicts). With `onlyTags`, other tags (such as a
 * pack's `example` or `basic`) are left out of the report.
 */
export function coverageReport(
  cases: readonly (readonly string[] | CoverageCase)[],
  statedTags: readonly string[],
  onlyTags?: readonly string[],
): CoverageReport {
  const keep = onlyTags ? new Set(onlyTags) : undefined;
  const byTag = new Map<string, TagCoverage>();
  let ran = false;
  for (const c of cases) {
    const tags = isTagList(c) ? c : c.tags;
    const verdict = isTagList(c) ? undefined : c.verdict;
    if (verdict !== undefined) ran = true;
    for (const tag of new Set(tags)) {
      if (keep && !keep.has(tag)) continue;
      const entry = byTag.get(tag) ?? { tag, cases: 0, failed: 0 };
      entry.cases++;
      if (verdict !== undefined && FAILING.has(verdict)) entry.failed++;
      byTag.set(tag, entry);
    }
  }
  const stated = new Set(statedTags);
  const tested = [...byTag.values()].sort((a, b) => a.tag.localeCompare(b.tag));
  const anticipated = tested.filter((t) => stated.has(t.tag));
  const missed = tested.filter((t) => !stated.has(t.tag));
  const extra = [...stated].filter((t) => !byTag.has(t)).sort();
  return { anticipated, missed, extra, text: coverageText(anticipated, missed, extra, ran) };
}

function isTagList(c: readonly string[] | CoverageCase): c is readonly string[] {
  return Array.isArray(c);
}

/** "a, b and c" */
function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The report in sentences that never praise a tag whose cases failed: after a run, "Anticipated and passed: …
 * Anticipated but failed: … Missed: …"; from tag lists alone (no run), "Anticipated: … Missed: …".
 */
function coverageText(anticipated: TagCoverage[], missed: TagCoverage[], extra: string[], ran: boolean): string {
  if (anticipated.length === 0 && missed.length === 0) {
    return extra.length > 0 ? `No hidden case is tagged; you stated ${list(extra)}.` : 'No hidden case is tagged with an edge-case category.';
  }
  const failedOf = (t: TagCoverage) => (t.failed > 0 ? `, ${t.failed} failed` : '');
  const sentences: string[] = [];
  if (ran) {
    const passed = anticipated.filter((t) => t.failed === 0);
    const failed = anticipated.filter((t) => t.failed > 0);
    if (passed.length > 0) sentences.push(`Anticipated and passed: ${list(passed.map((t) => t.tag))}.`);
    if (failed.length > 0) sentences.push(`Anticipated but failed: ${list(failed.map((t) => `${t.tag} (${t.failed} of ${plural(t.cases, 'hidden case')} failed)`))}.`);
  } else if (anticipated.length > 0) {
    sentences.push(`Anticipated: ${list(anticipated.map((t) => t.tag))}.`);
  }
  if (missed.length > 0) sentences.push(`Missed: ${list(missed.map((m) => `${m.tag} (${plural(m.cases, 'hidden case')}${failedOf(m)})`))}.`);
  else sentences.push('Nothing tested was missed.');
  if (extra.length > 0) sentences.push(`Not tested: ${list(extra)}.`);
  return sentences.join(' ');
}
