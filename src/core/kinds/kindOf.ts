/**
 * The kind a problem.yaml declares, read from its text without parsing YAML: the coding loader calls this
 * for every problem it indexes and must stay fast. A top-level `kind: design` line (plain or quoted, with
 * an optional comment) decides; a file without one is a coding problem, as every problem was before kinds.
 */
export function problemKindOf(text: string): string {
  const match = /^kind[ \t]*:[ \t]*(["']?)([A-Za-z][\w-]*)\1[ \t\r]*(#.*)?$/m.exec(text);
  return match ? match[2] : 'coding';
}

/** True for a problem.yaml the coding loader reads: one of kind `coding`, or with no `kind` at all. */
export function isCodingProblemText(text: string): boolean {
  return problemKindOf(text) === 'coding';
}
