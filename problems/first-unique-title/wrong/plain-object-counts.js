// WRONG (edge case): counts in a plain object, so an id that names an inherited property
// ("toString", "constructor") starts from a function instead of 0 and is never seen as unique.
function firstUniqueTitle(titles) {
  const counts = {};
  for (const t of titles) counts[t] = (counts[t] || 0) + 1;
  for (const t of titles) if (counts[t] === 1) return t;
  return '';
}
