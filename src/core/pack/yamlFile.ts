import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type ScalarTag, type Tags } from 'yaml';
import type { Diagnostic } from './types';
import type { YamlCache } from './yamlCache';

/** A YAML file parsed with positions, so every check can point at a line and column. */
export interface YamlFile {
  file: string;
  /** The parsed document, with the position of every node. */
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  /** The plain value, or undefined when the file did not parse. */
  value: unknown;
  /** Where the node at a shallow path starts, when known without the document (see CACHED_DEPTH). */
  offsetOf?(path: YamlPath): number | undefined;
}

/** A path into a YAML value, as keys and indexes (`['function', 'params', 0, 'type']`). */
export type YamlPath = readonly (string | number)[];

interface Parsed {
  doc: Document;
  lineCounter: LineCounter;
}

/**
 * YAML's decimal integers, read exactly: beyond ±(2^53 − 1) a double would round them (2^60 + 1 would be read as
 * 2^60, and a solution returning 2^60 would pass), so those become bigints; smaller ones stay numbers.
 */
const exactIntegers = (tags: Tags): Tags =>
  tags.map((tag) =>
    typeof tag === 'object' && tag.tag === 'tag:yaml.org,2002:int' && !tag.format && !('collection' in tag && tag.collection)
      ? ({
          ...tag,
          resolve: (text: string) => {
            const n = Number(text);
            return Number.isSafeInteger(n) ? n : BigInt(text);
          },
        } as ScalarTag)
      : tag,
  );

function parse(text: string): Parsed {
  // A LineCounter accumulates line starts: one per document, never shared.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, customTags: exactIntegers });
  return { doc, lineCounter };
}

/**
 * How deep the offsets kept with a cached value go: enough for what the loader locates on every load (each case
 * of tests.yaml, `cases.<i>`), not every node (a large case's arrays would make the entry as big as the file).
 */
const CACHED_DEPTH = 2;

const pathKey = (path: YamlPath): string => path.join('\0');

/** Start offsets of the nodes at most CACHED_DEPTH deep, by path. */
function shallowOffsets(doc: Document): Record<string, number> {
  const offsets: Record<string, number> = {};
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (path.length >= CACHED_DEPTH) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key) || !(pair.value as Node | null)?.range) continue;
        const at = [...path, String(pair.key.value)];
        offsets[pathKey(at)] = (pair.value as Node).range![0];
        walk(pair.value, at);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (!(item as Node | null)?.range) return;
        const at = [...path, i];
        offsets[pathKey(at)] = (item as Node).range![0];
        walk(item, at);
      });
    }
  };
  // The whole document: where problems about the file as a whole (a missing statement.md) are reported.
  const root = (doc.contents as Node | null)?.range;
  if (root) offsets[pathKey([])] = root[0];
  walk(doc.contents, []);
  return offsets;
}

/** What a YamlCache keeps of a parsed file. */
export interface CachedYaml {
  value: unknown;
  offsets: Record<string, number>;
}

/**
 * A file whose value came from a cache. Line starts come from the text; the document is parsed only if something
 * needs a node the cached offsets do not cover (a diagnostic, mostly).
 */
class CachedYamlFile implements YamlFile {
  private parsed?: Parsed;
  private lines?: LineCounter;
  constructor(
    readonly file: string,
    private readonly text: string,
    readonly value: unknown,
    private readonly offsets: Record<string, number>,
  ) {}
  get doc(): Document {
    return (this.parsed ??= parse(this.text)).doc;
  }
  get lineCounter(): LineCounter {
    if (this.parsed) return this.parsed.lineCounter;
    if (!this.lines) {
      // What the parser's lexer records: the offset where each line starts.
      this.lines = new LineCounter();
      this.lines.addNewLine(0);
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) this.lines.addNewLine(i + 1);
    }
    return this.lines;
  }
  offsetOf(path: YamlPath): number | undefined {
    return this.offsets[pathKey(path)];
  }
}

/**
 * Parses YAML text; syntax errors and warnings become diagnostics, never exceptions. With a cache, a text parsed
 * before without any YAML problem is not parsed again (see YamlCache).
 */
export function parseYamlFile(file: string, text: string, diagnostics: Diagnostic[], cache?: YamlCache): YamlFile {
  const cached = cache?.get(text);
  if (cached) return new CachedYamlFile(file, text, cached.value, cached.offsets);
  const { doc, lineCounter } = parse(text);
  // One syntax error makes the parser report dozens more after it, all caused by the first: show the first few.
  const errors = doc.errors.slice(0, SHOWN_YAML_ERRORS);
  for (const problem of [...errors, ...doc.warnings]) {
    const { line, col } = lineCounter.linePos(problem.pos[0]);
    const first = problem === doc.errors[0];
    diagnostics.push({
      file,
      line: Math.max(1, line),
      column: Math.max(1, col),
      severity: doc.errors.includes(problem as never) ? 'error' : 'warning',
      message: `YAML: ${firstLine(problem.message)}${first ? syntaxHint(text, problem.pos[0]) : ''}`,
    });
  }
  if (doc.errors.length > errors.length) {
    const { line, col } = lineCounter.linePos(doc.errors[errors.length].pos[0]);
    const more = doc.errors.length - errors.length;
    diagnostics.push({ file, line: Math.max(1, line), column: Math.max(1, col), severity: 'error', message: `YAML: ${more} more syntax error${more === 1 ? '' : 's'} after this point, most likely caused by the first; fix it and check again.` });
  }
  let value: unknown;
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      // toJS throws on alias bombs and similar; that is the author's error, not ours.
      diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: `YAML: ${firstLine((e as Error).message)}` });
    }
  }
  if (cache && value !== undefined && doc.errors.length === 0 && doc.warnings.length === 0) cache.set(text, { value, offsets: shallowOffsets(doc) });
  return { file, doc, lineCounter, value };
}

/** How many YAML syntax errors of one file are reported one by one. */
const SHOWN_YAML_ERRORS = 2;

/** A fix for the commonest syntax slips, from the text of the line where the first error is. */
function syntaxHint(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  const line = text.slice(start, end < 0 ? text.length : end);
  if (/[{,]\s*[A-Za-z_]+\s*:\s*[A-Za-z<>, ]*[A-Za-z>]\[\]/.test(line)) {
    return '. Inside `{ … }` or `[ … ]`, write a type that ends in `[]` in quotes: `type: "int[]"`.';
  }
  return '';
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** 1-based line and column of a character offset. */
export function positionOf(yaml: YamlFile, offset: number): { line: number; column: number } {
  const { line, col } = yaml.lineCounter.linePos(offset);
  return { line: Math.max(1, line), column: Math.max(1, col) };
}

/** The node at a path, the pair holding it (for map entries), and the deepest node found on the way. */
export function nodeAt(yaml: YamlFile, path: YamlPath): { node?: Node; pair?: Pair; nearest?: Node } {
  let current: unknown = yaml.doc.contents;
  let pair: Pair | undefined;
  let nearest: Node | undefined = (current as Node | null) ?? undefined;
  for (const segment of path) {
    pair = undefined;
    if (isMap(current)) {
      const found = current.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!found) return { nearest };
      pair = found;
      current = found.value;
      // `key:` with nothing after it has no value node: the key stands for it.
      nearest = (found.value as Node | null) ?? (found.key as Node);
    } else if (isSeq(current) && /^\d+$/.test(String(segment))) {
      const item = current.items[Number(segment)];
      if (item === undefined || item === null) return { nearest };
      current = item;
      nearest = item as Node;
    } else {
      return { nearest };
    }
  }
  return { node: (current as Node | null) ?? undefined, pair, nearest };
}

/** Where a diagnostic about the value at `path` should point: the value, else the nearest enclosing node. */
export function locate(yaml: YamlFile, path: YamlPath, at: 'value' | 'key' = 'value'): { line: number; column: number } {
  // The document itself has no key: both ask for the same node.
  const known = at === 'value' || path.length === 0 ? yaml.offsetOf?.(path) : undefined;
  if (known !== undefined) return positionOf(yaml, known);
  const { node, pair, nearest } = nodeAt(yaml, path);
  const target = at === 'key' && pair && pair.key ? (pair.key as Node) : (node ?? nearest);
  const range = target?.range;
  return range ? positionOf(yaml, range[0]) : { line: 1, column: 1 };
}

/** Offset of the first character of a scalar's text (after an opening quote), for positions inside it. */
export function scalarTextStart(yaml: YamlFile, path: YamlPath): number | undefined {
  const { node } = nodeAt(yaml, path);
  if (!isScalar(node) || !node.range) return undefined;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (node.type !== 'PLAIN' && !quoted) return undefined;
  return node.range[0] + (quoted ? 1 : 0);
}

/** Builds diagnostics for one YAML file. */
export class Reporter {
  constructor(
    readonly yaml: YamlFile,
    private readonly out: Diagnostic[],
  ) {}

  /** Reports at the value (or key) found at a path. */
  at(path: YamlPath, severity: Diagnostic['severity'], message: string, where: 'value' | 'key' = 'value', code?: Diagnostic['code']): void {
    const { line, column } = locate(this.yaml, path, where);
    this.out.push({ file: this.yaml.file, line, column, severity, message, ...(code ? { code } : {}) });
  }

  /** Reports at a character offset. */
  atOffset(offset: number, severity: Diagnostic['severity'], message: string): void {
    const { line, column } = positionOf(this.yaml, offset);
    this.out.push({ file: this.yaml.file, line, column, severity, message });
  }

  error(path: YamlPath, message: string, where: 'value' | 'key' = 'value'): void {
    this.at(path, 'error', message, where);
  }

  warning(path: YamlPath, message: string, where: 'value' | 'key' = 'value'): void {
    this.at(path, 'warning', message, where);
  }
}
