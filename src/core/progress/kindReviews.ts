import * as path from 'node:path';
import type { KindHistoryEntry } from '../kinds/history';
import type { DesignAttemptRecord } from '../kinds/design/index';
import { storyType, STORY_TYPE_IDS, type StoryTypeId } from '../kinds/story/format';
import type { StoryRehearsalRecord } from '../kinds/story/rehearsal';
import { itemKey, type ItemKind } from './kinds';

/**
 * Design drills and story rehearsals as reviews. Each finished design drill is a review of its design prompt
 * (`design:<pack>/<problem>`); each rated rehearsal is a review of the story told (`story:bank/<story type>`),
 * whatever question asked for it, since it is the story the candidate must keep fresh.
 *
 * The rating comes from the outcome, in the same spirit as a coding attempt's (a 1–4 rubric average is the
 * candidate's own judgement, the rest is what the record measured):
 *
 * Design drill
 * - abandoned, or a rubric average under 2 of 4 → again;
 * - a rubric average under 3, the gate missing a quarter or more of the failure modes, or more than half of
 *   the probes answered over their time → hard;
 * - a rubric average of 3.5 or more, every failure mode anticipated, the gate passed at the first submission,
 *   every probe asked and answered in time → easy;
 * - otherwise → good.
 *
 * Story rehearsal
 * - a self-rating average under 2 of 4 → again;
 * - spoken over the story's target (three minutes), a self-rating average under 3, or a story the pack does
 *   not suggest for the question → hard;
 * - a self-rating average of 3.5 or more, in time, with a fitting story → easy;
 * - otherwise → good.
 * A rehearsal cancelled before its rating is never recorded, so it is not a review.
 */

/** The rating an outcome earned, with the reasons in words (the same shape as a coding attempt's). */
export interface KindRating {
  rating: 'again' | 'hard' | 'good' | 'easy';
  reasons: string[];
}

/** The pack id of story items: the stories are the candidate's own bank, not a pack's. */
export const STORY_BANK_ID = 'bank';

/** Under this rubric or self-rating average (of 4): again. */
export const AGAIN_BELOW = 2;
/** Under this average: hard. */
export const HARD_BELOW = 3;
/** At or above this average (with nothing else wrong): easy. */
export const EASY_FROM = 3.5;
/** A design gate that anticipated less than this share of the failure modes rates hard. */
export const DESIGN_COVERAGE_HARD_BELOW = 0.75;

function average(scores: readonly { score: number }[]): number {
  return scores.length === 0 ? 0 : scores.reduce((s, r) => s + r.score, 0) / scores.length;
}

function one(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

/** Failure modes the design gate found named in DESIGN.md, of the checklist; undefined before the gate opened. */
export function designCoverage(record: DesignAttemptRecord): { anticipated: number; total: number; share: number; missed: string[] } | undefined {
  if (!record.gate) return undefined;
  const total = record.gate.anticipated.length + record.gate.missed.length;
  if (total === 0) return undefined;
  return { anticipated: record.gate.anticipated.length, total, share: record.gate.anticipated.length / total, missed: [...record.gate.missed] };
}

/** The rating of a design drill (undefined while it is in progress: not a review yet). */
export function ratingOfDesign(record: DesignAttemptRecord): KindRating | undefined {
  if (record.status === 'in-progress') return undefined;
  if (record.status === 'abandoned') return { rating: 'again', reasons: ['abandoned'] };
  const avg = average(record.rubric);
  if (avg < AGAIN_BELOW) return { rating: 'again', reasons: [`rubric average ${one(avg)} of 4`] };
  const reasons: string[] = [];
  if (avg < HARD_BELOW) reasons.push(`rubric average ${one(avg)} of 4`);
  const coverage = designCoverage(record);
  if (coverage && coverage.share < DESIGN_COVERAGE_HARD_BELOW) reasons.push(`failure modes missed: ${coverage.missed.join(', ')}`);
  const over = record.probes.filter((p) => p.overtime).length;
  if (record.probes.length > 0 && over * 2 > record.probes.length) reasons.push(`${over} of ${record.probes.length} probes answered over their time`);
  if (reasons.length > 0) return { rating: 'hard', reasons };
  const clean = coverage !== undefined && coverage.share === 1 && record.gateRefusals === 0 && over === 0 && record.probesSkipped.length === 0;
  if (avg >= EASY_FROM && clean) return { rating: 'easy', reasons: [`rubric average ${one(avg)} of 4`, 'every failure mode anticipated', 'every probe answered in time'] };
  return { rating: 'good', reasons: [`rubric average ${one(avg)} of 4`] };
}

/** The rating of a rehearsal (undefined without a self-rating). */
export function ratingOfRehearsal(record: StoryRehearsalRecord): KindRating | undefined {
  if (record.rating.length === 0) return undefined;
  const avg = average(record.rating);
  if (avg < AGAIN_BELOW) return { rating: 'again', reasons: [`self-rating ${one(avg)} of 4`] };
  const reasons: string[] = [];
  if (record.overtime) reasons.push(`spoken ${minutesText(record.spokenMs ?? 0)}, over the ${minutesText(targetMsOf(record))} target`);
  if (avg < HARD_BELOW) reasons.push(`self-rating ${one(avg)} of 4`);
  if (!record.storyMatches) reasons.push('a story the pack does not suggest for that question');
  if (reasons.length > 0) return { rating: 'hard', reasons };
  if (avg >= EASY_FROM) return { rating: 'easy', reasons: [`self-rating ${one(avg)} of 4`, 'in time', 'a fitting story'] };
  return { rating: 'good', reasons: [`self-rating ${one(avg)} of 4`, 'in time'] };
}

/** The rating of any kind history entry. */
export function ratingOfKindEntry(entry: KindHistoryEntry): KindRating | undefined {
  return entry.kind === 'design' ? ratingOfDesign(entry.record) : ratingOfRehearsal(entry.record);
}

/** The story type a rehearsal told: its recorded type, else the file's name when it is a type's. */
export function storyTypeOfRecord(record: StoryRehearsalRecord): StoryTypeId | undefined {
  if (record.storyType) return record.storyType;
  const base = record.storyFile ? path.basename(record.storyFile, '.md') : undefined;
  return STORY_TYPE_IDS.find((t) => t === base);
}

/** The story's target length in ms (the trade-off story's three minutes when the type is unknown). */
export function targetMsOf(record: StoryRehearsalRecord): number {
  return storyType(storyTypeOfRecord(record) ?? 'trade-off').targetMinutes * 60_000;
}

function minutesText(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The review item a kind entry belongs to. */
export function kindItemOf(entry: KindHistoryEntry): { key: string; kind: ItemKind; packId: string; id: string } {
  if (entry.kind === 'design') return { key: itemKey('design', entry.record.packId, entry.record.problemId), kind: 'design', packId: entry.record.packId, id: entry.record.problemId };
  const id = storyTypeOfRecord(entry.record) ?? (entry.record.storyFile ? path.basename(entry.record.storyFile, '.md') : entry.record.questionId);
  return { key: itemKey('story', STORY_BANK_ID, id), kind: 'story', packId: STORY_BANK_ID, id };
}

/** When a kind entry counts as reviewed: when it finished. */
export function kindReviewMoment(entry: KindHistoryEntry): number {
  return entry.kind === 'design' ? (entry.record.finishedAt ?? entry.record.startedAt) : (entry.record.finishedAt ?? entry.record.askedAt);
}
