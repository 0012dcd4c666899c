/**
 * Return the cheapest price of a route from src to dst using at most maxHops links, or -1.
 *
 * @param n Nodes are numbered 0..n-1.
 * @param links Directed [from, to, price] links; prices >= 0; duplicates and self-loops allowed.
 * @param src The node that has the segment.
 * @param dst The node that needs it (0 is returned when src === dst).
 * @param maxHops The most links a route may use.
 * @returns The cheapest price, or -1 when no route fits.
 * @throws On a node outside 0..n-1, a negative price, or a negative maxHops.
 */
function cheapestRoute(n: number, links: number[][], src: number, dst: number, maxHops: number): number {
  throw new Error('cheapestRoute is not implemented yet');
}
