/**
 * Return the earliest title id that occurs exactly once in `titles`.
 *
 * @param titles Title ids in watch order (case-sensitive, never empty strings).
 * @returns The first one-off title id, or "" when there is none.
 */
function firstUniqueTitle(titles: string[]): string {
  throw new Error('firstUniqueTitle is not implemented yet');
}
