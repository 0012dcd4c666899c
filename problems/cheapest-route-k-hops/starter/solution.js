/**
 * Return the cheapest price of a route from src to dst using at most maxHops links, or -1.
 *
 * @param {number} n Nodes are numbered 0..n-1.
 * @param {number[][]} links Directed [from, to, price] links; prices >= 0; duplicates and self-loops allowed.
 * @param {number} src The node that has the segment.
 * @param {number} dst The node that needs it (0 is returned when src === dst).
 * @param {number} maxHops The most links a route may use.
 * @returns {number} The cheapest price, or -1 when no route fits.
 * @throws {Error} On a node outside 0..n-1, a negative price, or a negative maxHops.
 */
function cheapestRoute(n, links, src, dst, maxHops) {
  throw new Error('cheapestRoute is not implemented yet');
}
