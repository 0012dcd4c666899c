import * as assert from 'node:assert/strict';
import { isOurs, selectSuiteFiles, shuffled, shuffleSeed, suiteName } from '../../integration/suiteOrder';

const FILES = ['/x/out/test/integration/activation.test.js', '/x/out/test/integration/startDrill.test.js', '/x/out/test/integration/tree.test.js'];

describe('integration suite files: which run and in what order', () => {
  it('names a suite file by its base name without .test.js', () => {
    assert.equal(suiteName('/x/out/test/integration/startDrill.test.js'), 'startDrill');
    assert.equal(suiteName('tree.test.ts'), 'tree');
  });

  it('selects the files named in a comma list, in any of the short, .test or file forms; all of them when none is named', () => {
    assert.deepEqual(selectSuiteFiles(FILES, 'tree'), [FILES[2]]);
    assert.deepEqual(selectSuiteFiles(FILES, ' tree.test.js , startDrill.test '), [FILES[1], FILES[2]]);
    assert.deepEqual(selectSuiteFiles(FILES, undefined), FILES);
    assert.deepEqual(selectSuiteFiles(FILES, ''), FILES);
  });

  it('refuses a name that matches no file, naming the files there are', () => {
    assert.throws(() => selectSuiteFiles(FILES, 'tree,trees'), /no suite file named trees; the suite files are activation, startDrill, tree/);
  });

  it('shuffles the same way for the same seed, differently for others, and keeps every file once', () => {
    const many = Array.from({ length: 12 }, (_, i) => `f${i}`);
    assert.deepEqual(shuffled(many, 7), shuffled(many, 7));
    assert.deepEqual([...shuffled(many, 7)].sort(), [...many].sort());
    const orders = new Set([1, 2, 3, 4, 5].map((seed) => shuffled(many, seed).join(',')));
    assert.ok(orders.size > 1, 'every seed gave the same order');
    assert.ok([...orders].some((o) => o !== many.join(',')), 'no seed changed the order');
  });

  it('reads the seed: unset means no shuffle, "random" draws one, a number is taken as is, anything else is refused', () => {
    assert.equal(shuffleSeed(undefined), undefined);
    assert.equal(shuffleSeed(''), undefined);
    assert.equal(shuffleSeed('42'), 42);
    assert.equal(shuffleSeed('random', () => 0.5), 2 ** 30);
    assert.throws(() => shuffleSeed('abc'), /DRILLS_TEST_SHUFFLE must be a whole number or "random", not "abc"/);
  });

  it('counts an unhandled rejection whose stack runs through the extension, or that has no stack; not one from another extension', () => {
    const ours = new Error('ours');
    ours.stack = 'Error: ours\n    at run (/repo/out/extension.js:10:5)';
    const theirs = new Error('theirs');
    theirs.stack = 'Error: theirs\n    at x (/home/u/.cache/drills-test/code-server/extensions/git/dist/main.js:1:1)';
    assert.equal(isOurs(ours, ['/repo']), true);
    assert.equal(isOurs(theirs, ['/repo']), false);
    assert.equal(isOurs('a plain string', ['/repo']), true);
  });
});
