/**
 * The kinds of things a candidate practises and reviews. Each kind is one row: the plan, the review
 * schedule and the dashboard read this table, so a new drill kind (behavioural stories, design prompts)
 * plugs in by adding its row and producing its reviews (core `kindReviews`), with no other list to update.
 */
export const ITEM_KINDS = {
  coding: { label: 'Coding problems', available: true },
  story: { label: 'Behavioural stories', available: true },
  design: { label: 'Design prompts', available: true },
} as const satisfies Record<string, { label: string; available: boolean }>;

/** A kind of practice item. */
export type ItemKind = keyof typeof ITEM_KINDS;

/** True when Drills can run and record drills of this kind today. */
export function kindAvailable(kind: ItemKind): boolean {
  return ITEM_KINDS[kind].available;
}

/** The key of a reviewable item: its kind and, for coding, the problem (`coding:builtin/two-sum`). */
export function itemKey(kind: ItemKind, packId: string, id: string): string {
  return `${kind}:${packId}/${id}`;
}

/** The parts of an item key; undefined for a key this version does not know. */
export function parseItemKey(key: string): { kind: ItemKind; packId: string; id: string } | undefined {
  const m = /^([a-z]+):([^/]+)\/(.+)$/.exec(key);
  if (!m || !(m[1] in ITEM_KINDS)) return undefined;
  return { kind: m[1] as ItemKind, packId: m[2], id: m[3] };
}
