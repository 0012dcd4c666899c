import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPack, loadProblemFromDir } from '../../../src/core/pack/index';
import type { Diagnostic } from '../../../src/core/pack/types';
import { FIXTURES, tempDir } from './helpers';

/** A small seeded PRNG (mulberry32), so a failure can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GARBAGE = [':', '- ', '{', '}', '[', ']', '"', "'", '\t', '&a ', '*a', '!!int ', '%', '@', '\n  ', '\n- ', '#', '? ', '|', '>', '~', ',', '\0', '0x'];
const VALUES = ['"ten"', '[1, 2]', '{a: 1}', '-3', 'null', 'true', '', '1e999', 'checker', 'int[', '[[[]]]', '"map<int,int>"', '.inf'];

/** One random edit of YAML text: delete a line, change a value, truncate, insert garbage, re-indent, or duplicate. */
function mutate(text: string, random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const lines = text.split('\n');
  const i = Math.floor(random() * lines.length);
  switch (Math.floor(random() * 6)) {
    case 0:
      lines.splice(i, 1);
      return lines.join('\n');
    case 1:
      lines[i] = lines[i].replace(/:(\s).*$/, `:$1${pick(VALUES)}`);
      return lines.join('\n');
    case 2:
      return text.slice(0, Math.floor(random() * text.length));
    case 3: {
      const at = Math.floor(random() * text.length);
      return text.slice(0, at) + pick(GARBAGE) + text.slice(at);
    }
    case 4:
      lines[i] = random() < 0.5 ? `  ${lines[i]}` : lines[i].replace(/^ {1,2}/, '');
      return lines.join('\n');
    default:
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
  }
}

function assertPositioned(diagnostics: Diagnostic[], context: string): void {
  for (const d of diagnostics) {
    assert.ok(typeof d.file === 'string' && path.isAbsolute(d.file), `${context}: file ${JSON.stringify(d)}`);
    assert.ok(Number.isInteger(d.line) && d.line >= 1, `${context}: line ${JSON.stringify(d)}`);
    assert.ok(Number.isInteger(d.column) && d.column >= 1, `${context}: column ${JSON.stringify(d)}`);
    assert.ok(d.severity === 'error' || d.severity === 'warning', context);
    assert.ok(d.message.length > 0, context);
  }
}

describe('loader under mutated files', function () {
  this.timeout(120_000);
  const sources = [path.join(FIXTURES, 'valid/arrays/two-sum'), path.join(FIXTURES, 'valid/design/deep/nested/lru-cache')];
  let t: ReturnType<typeof tempDir>;

  before(() => {
    t = tempDir('drills-fuzz-');
    fs.copyFileSync(path.join(FIXTURES, 'valid/drills-pack.yaml'), path.join(t.dir, 'drills-pack.yaml'));
    for (const source of sources) fs.cpSync(source, path.join(t.dir, path.basename(source)), { recursive: true });
  });
  after(() => t.remove());

  for (const [index, source] of sources.entries()) {
    for (const fileName of ['problem.yaml', 'tests.yaml']) {
      it(`never throws and always positions its diagnostics: 75 mutations of ${path.basename(source)}/${fileName}`, async () => {
        const dir = path.join(t.dir, path.basename(source));
        const file = path.join(dir, fileName);
        const original = fs.readFileSync(path.join(source, fileName), 'utf8');
        let failures = 0;
        for (let n = 0; n < 75; n++) {
          const seed = 1000 * (index + 1) + (fileName === 'tests.yaml' ? 500 : 0) + n;
          const random = prng(seed);
          let text = original;
          const edits = 1 + Math.floor(random() * 3);
          for (let e = 0; e < edits; e++) text = mutate(text, random);
          fs.writeFileSync(file, text);
          const context = `seed ${seed} (${fileName})`;
          const pack = await loadPack(t.dir);
          assertPositioned(pack.diagnostics, context);
          const { problem, diagnostics } = await loadProblemFromDir(dir);
          assertPositioned(diagnostics, context);
          const indexed = pack.problems.some((p) => p.dir === dir);
          if (!indexed) {
            assert.ok(pack.diagnostics.some((d) => d.severity === 'error'), `${context}: left out of the index without an error`);
          }
          if (!problem || diagnostics.some((d) => d.file === file && d.severity === 'error')) failures++;
          if (!problem) {
            assert.ok(diagnostics.some((d) => d.severity === 'error'), `${context}: no problem and no error`);
          }
        }
        fs.writeFileSync(file, original);
        // The mutations must actually break things, or the test proves nothing.
        assert.ok(failures > 10, `only ${failures} mutations broke ${fileName}`);
      });
    }
  }
});
