// WRONG (edge case): folds case before counting, so "Ozark" and "ozark" are treated as one title
// although the statement says ids are case-sensitive.
function firstUniqueTitle(titles: string[]): string {
  const counts = new Map<string, number>();
  for (const t of titles) counts.set(t.toLowerCase(), (counts.get(t.toLowerCase()) ?? 0) + 1);
  for (const t of titles) if (counts.get(t.toLowerCase()) === 1) return t;
  return '';
}
