import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { loadPacks, loadProblem, type LoadOptions } from '../../../src/core/pack/index';
import type { PackSummary, Problem } from '../../../src/core/pack/types';
import { createFileYamlCache, type YamlCache } from '../../../src/core/pack/yamlCache';
import { locate, parseYamlFile, positionOf, type CachedYaml } from '../../../src/core/pack/yamlFile';
import { FIXTURES, minimalPack, only, positionOfText, tempDir, writeTree } from './helpers';

const BUILT_IN = path.resolve('problems');

/** A cache that counts what it is asked, over a real one. */
function counting(inner: YamlCache): YamlCache & { hits: number; misses: number; sets: number } {
  const c = {
    hits: 0,
    misses: 0,
    sets: 0,
    get(text: string) {
      const found = inner.get(text);
      if (found) c.hits++;
      else c.misses++;
      return found;
    },
    set(text: string, parsed: CachedYaml) {
      c.sets++;
      inner.set(text, parsed);
    },
  };
  return c;
}

async function loadAll(roots: string[], options: LoadOptions): Promise<{ packs: PackSummary[]; problems: Problem[]; diagnostics: unknown[] }> {
  const packs = await loadPacks(roots, options);
  const problems: Problem[] = [];
  const diagnostics: unknown[] = packs.flatMap((p) => p.diagnostics);
  for (const summary of packs.flatMap((p) => p.problems)) {
    const loaded = await loadProblem(summary, options);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.problem) problems.push(loaded.problem);
  }
  return { packs, problems, diagnostics };
}

describe('YAML cache', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('drills-yaml-cache-')));
  afterEach(() => tmp.remove());

  it('loads the built-in pack and the fixtures exactly as without a cache, from a cold and then a warm cache', async function () {
    this.timeout(30_000);
    const roots = [BUILT_IN, FIXTURES];
    const plain = await loadAll(roots, {});
    const cache = counting(createFileYamlCache(path.join(tmp.dir, 'cache')));
    const cold = await loadAll(roots, { yamlCache: cache });
    const written = cache.sets;
    assert.ok(written > 24, `${written} entries written`);
    const hitsBefore = cache.hits;
    const warm = await loadAll(roots, { yamlCache: cache });
    // Nothing new to write; every file that could be cached came from the cache.
    assert.equal(cache.sets, written);
    assert.ok(cache.hits - hitsBefore >= written, `${cache.hits - hitsBefore} hits for ${written} entries`);
    // Values, case lines and every diagnostic (with its position) are the same.
    assert.deepEqual(cold, plain);
    assert.deepEqual(warm, plain);
  });

  it('uses the cached value instead of parsing the text again', async () => {
    const cache = createFileYamlCache(path.join(tmp.dir, 'cache'));
    const text = 'cases:\n  - { name: one, args: [[1]], expected: 1 }\n';
    parseYamlFile('tests.yaml', text, [], cache);
    // A value no parse of this text gives: only a cache hit can return it.
    cache.set(text, { value: { cases: [{ name: 'from the cache' }] }, offsets: {} });
    assert.deepEqual(parseYamlFile('tests.yaml', text, [], cache).value, { cases: [{ name: 'from the cache' }] });
  });

  it('locates shallow nodes (each case) from the cached offsets, without parsing the document', () => {
    const cache = createFileYamlCache(path.join(tmp.dir, 'cache'));
    const text = 'cases:\n  - { name: one }\n  - { name: two }\n\n\n  - { name: three }\n';
    const parsed = parseYamlFile('tests.yaml', text, [], cache);
    assert.deepEqual([0, 1, 2].map((i) => locate(parsed, ['cases', i]).line), [2, 3, 6]);
    const cached = parseYamlFile('tests.yaml', text, [], cache);
    assert.deepEqual([0, 1, 2].map((i) => locate(cached, ['cases', i]).line), [2, 3, 6]);
    // Offsets no parse gives (the third case on line 5): only the cached ones can answer.
    cache.set(text, { value: parsed.value, offsets: { 'cases\u00000': 7, 'cases\u00001': 25, 'cases\u00002': 44 } });
    assert.deepEqual([0, 1, 2].map((i) => locate(parseYamlFile('tests.yaml', text, [], cache), ['cases', i]).line), [2, 3, 5]);
  });

  it('reports a problem in a cached file at the same line and column (the file is parsed again for it)', async () => {
    writeTree(tmp.dir, minimalPack({ 'p/tests.yaml': 'cases:\n  - { name: one, args: [[1]], expected: 1 }\n  - { name: two, args: [[1]], expected: 1, colour: red }\n' }));
    const cache = createFileYamlCache(path.join(tmp.dir, 'cache'));
    const file = path.join(tmp.dir, 'p', 'tests.yaml');
    for (let round = 0; round < 2; round++) {
      const [pack] = await loadPacks([tmp.dir], { yamlCache: cache });
      const { problem, diagnostics } = await loadProblem(pack.problems[0], { yamlCache: cache });
      const d = only(diagnostics, 'colour');
      const expected = positionOfText(file, 'colour');
      assert.deepEqual([d.line, d.column], [expected.line, expected.column], `round ${round}`);
      assert.deepEqual(problem?.cases.map((c) => [c.name, c.line]), [['one', 2], ['two', 3]]);
    }
  });

  it('computes line starts like the parser does, for CRLF files, block scalars and multi-line flow collections', () => {
    const texts = [
      'a: 1\r\nb:\r\n  - 2\r\n  - 3\r\n',
      'text: |\n  one\n  two\n\nnext: >\n  folded\n  lines\nlast: [1,\n  2,\n  3]\n',
      'q: "a\n  b"\nr: 1\n',
      '# only a comment\n\n\nx: 1',
    ];
    for (const text of texts) {
      const cache = createFileYamlCache(path.join(tmp.dir, 'cache'));
      const parsed = parseYamlFile('f.yaml', text, [], cache);
      const cached = parseYamlFile('f.yaml', text, [], cache);
      assert.notEqual(cached, parsed);
      for (let offset = 0; offset <= text.length; offset++) {
        assert.deepEqual(positionOf(cached, offset), positionOf(parsed, offset), `${JSON.stringify(text)} at ${offset}`);
      }
    }
  });

  it('never caches a text with a YAML error or warning: its diagnostics come back on every load', () => {
    const cache = counting(createFileYamlCache(path.join(tmp.dir, 'cache')));
    for (const text of ['a: [1, 2\n', 'a: 1\na: 2\n', '%FOO bar\n---\na: 1\n']) {
      const first: unknown[] = [];
      const second: unknown[] = [];
      parseYamlFile('f.yaml', text, first as never, cache);
      parseYamlFile('f.yaml', text, second as never, cache);
      assert.ok(first.length > 0, text);
      assert.deepEqual(second, first);
    }
    assert.equal(cache.sets, 0);
    assert.equal(cache.hits, 0);
  });

  it('treats a torn or foreign entry as a miss and replaces it', () => {
    const dir = path.join(tmp.dir, 'cache');
    const cache = createFileYamlCache(dir);
    const text = 'a: [1, 2, 3]\n';
    parseYamlFile('f.yaml', text, [], cache);
    const [entry] = fs.readdirSync(dir).filter((n) => n.endsWith('.bin'));
    const full = fs.readFileSync(path.join(dir, entry));
    for (const broken of [full.subarray(0, full.length >> 1), Buffer.alloc(0), Buffer.from('not v8 data')]) {
      fs.writeFileSync(path.join(dir, entry), broken);
      assert.equal(cache.get(text), undefined);
      assert.deepEqual(parseYamlFile('f.yaml', text, [], cache).value, { a: [1, 2, 3] });
      assert.deepEqual(cache.get(text)?.value, { a: [1, 2, 3] });
    }
  });

  it('verifies what it reads: an entry rewritten with another value under the same key is a miss', () => {
    const dir = path.join(tmp.dir, 'cache');
    const cache = createFileYamlCache(dir);
    const text = 'cases:\n  - { name: one, args: [[1]], expected: 1 }\n';
    parseYamlFile('tests.yaml', text, [], cache);
    const [entry] = fs.readdirSync(dir).filter((n) => n.endsWith('.bin'));
    const file = path.join(dir, entry);
    const full = fs.readFileSync(file);
    // The entry's own key (the hash of the text) is found in its bytes and kept; only the value changes.
    const key = entry.slice(0, -'.bin'.length);
    const forged = { key, parsed: { value: { cases: [{ name: 'one', args: [[1]], expected: 999 }] }, offsets: {} } };
    // As a writer who knows the entry format but not the cache's key would write it: whole, or after the old MAC.
    for (const rewritten of [v8.serialize(forged), Buffer.concat([full.subarray(0, 32), v8.serialize(forged)])]) {
      fs.writeFileSync(file, rewritten);
      assert.equal(createFileYamlCache(dir).get(text), undefined);
      assert.deepEqual(parseYamlFile('tests.yaml', text, [], createFileYamlCache(dir)).value, { cases: [{ name: 'one', args: [[1]], expected: 1 }] });
    }
    // Its key is this user's alone.
    assert.equal(fs.statSync(path.join(dir, '.key')).mode & 0o077, 0);
  });

  it('keeps builds apart: another salt does not read the entry', () => {
    const dir = path.join(tmp.dir, 'cache');
    const text = 'a: 1\n';
    parseYamlFile('f.yaml', text, [], createFileYamlCache(dir, '1.0.0'));
    assert.ok(createFileYamlCache(dir, '1.0.0').get(text));
    assert.equal(createFileYamlCache(dir, '1.0.1').get(text), undefined);
  });

  it('works as no cache at all when its folder cannot be written', () => {
    const blocker = path.join(tmp.dir, 'file');
    fs.writeFileSync(blocker, '');
    const cache = createFileYamlCache(path.join(blocker, 'cache'));
    const diagnostics: unknown[] = [];
    assert.deepEqual(parseYamlFile('f.yaml', 'a: 1\n', diagnostics as never, cache).value, { a: 1 });
    assert.deepEqual(diagnostics, []);
    assert.equal(cache.get('a: 1\n'), undefined);
  });

  it('deletes entries unused for a month, at most once a day', () => {
    const dir = path.join(tmp.dir, 'cache');
    const cache = createFileYamlCache(dir);
    parseYamlFile('f.yaml', 'old: 1\n', [], cache);
    const [old] = fs.readdirSync(dir).filter((n) => n.endsWith('.bin'));
    const monthsAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    fs.utimesSync(path.join(dir, old), monthsAgo, monthsAgo);
    // Pruned today already: the old entry stays.
    parseYamlFile('f.yaml', 'new: 1\n', [], createFileYamlCache(dir));
    assert.ok(fs.existsSync(path.join(dir, old)));
    // The last pruning was two days ago: the next write prunes.
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    fs.utimesSync(path.join(dir, '.pruned'), twoDaysAgo, twoDaysAgo);
    parseYamlFile('f.yaml', 'newer: 1\n', [], createFileYamlCache(dir));
    assert.ok(!fs.existsSync(path.join(dir, old)));
    assert.equal(fs.readdirSync(dir).filter((n) => n.endsWith('.bin')).length, 2);
  });
});
