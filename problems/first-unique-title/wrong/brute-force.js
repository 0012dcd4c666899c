// WRONG (too slow): correct answers, but counts each title by scanning the whole history again,
// O(n^2). Times out on the 150,000-event histories.
function firstUniqueTitle(titles) {
  for (let i = 0; i < titles.length; i++) {
    let seen = 0;
    for (let j = 0; j < titles.length && seen < 2; j++) {
      if (titles[j] === titles[i]) seen++;
    }
    if (seen === 1) return titles[i];
  }
  return '';
}
