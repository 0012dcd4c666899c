import type { RunError } from './types';

/** `namespace A.B {` or `module A {` at the start of a statement; `declare` ones hold only types. */
const NAMESPACE = /^([ \t]*(?:export[ \t]+)?(declare[ \t]+)?(?:namespace|module)[ \t]+)([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)[ \t]*\{/gm;
/** A declaration that makes a value: what a type-only namespace never has. */
const VALUE_DECLARATION = /(?:^|[\s;{}])(?:export\s+)?(?:const|let|var|function|class|enum|namespace|module)\s+[A-Za-z_$]/;

/** The text between the brace at `open` and its match (strings and comments are not told apart: a heuristic). */
function bodyAt(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return source.slice(open + 1, i);
  }
  return source.slice(open + 1);
}

/**
 * A TypeScript `namespace` that holds values, which the transpiler (sucrase) silently drops: the solution would
 * then fail with "Util is not defined" far from the cause. Said up front instead, at the namespace's line.
 * Namespaces holding only types are dropped rightly and pass.
 */
export function unsupportedNamespace(source: string, solutionPath: string): RunError | undefined {
  for (const m of source.matchAll(NAMESPACE)) {
    if (m[2]) continue;
    const start = m.index ?? 0;
    if (!VALUE_DECLARATION.test(bodyAt(source, start + m[0].length - 1))) continue;
    const line = source.slice(0, start).split('\n').length;
    const column = m[1].length - m[1].trimStart().length + 1;
    return {
      kind: 'load-failed',
      message:
        `The solution failed to load: TypeScript \`namespace ${m[3]}\` (line ${line}) holds values, which the TypeScript runner cannot compile ` +
        '(it keeps only type-only namespaces). Use an object (`const ' + m[3].split('.')[0] + ' = { … }`), a class with static members, or top-level functions.',
      location: { file: solutionPath, line, column },
    };
  }
  return undefined;
}
