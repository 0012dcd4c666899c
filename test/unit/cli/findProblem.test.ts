import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { findProblem } from '../../../src/cli/findProblem';
import { loadPacks, loadProblem } from '../../../src/core/pack/index';
import { minimalPack, tempDir, writeTree } from '../pack/helpers';

/** A valid problem.yaml with this id, as minimalPack writes it. */
const problemYaml = (id: string): string => minimalPack()['p/problem.yaml'].replace('id: p', `id: ${id}`);

/** The files of a valid problem in folder `folder` with id `id`. */
function problem(folder: string, id: string): Record<string, string> {
  const base = minimalPack();
  return {
    [`${folder}/problem.yaml`]: problemYaml(id),
    [`${folder}/statement.md`]: base['p/statement.md'],
    [`${folder}/starter/solution.py`]: base['p/starter/solution.py'],
    [`${folder}/tests.yaml`]: base['p/tests.yaml'],
  };
}

describe('drills run finds the problem', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = tempDir('drills-find-')));
  afterEach(() => remove());

  it('loads a problem in a folder named after its id exactly as the pack index would', async () => {
    writeTree(dir, { ...minimalPack(), ...problem('q', 'q') });
    const found = await findProblem(dir, 'q');
    assert.equal(found.error, undefined);
    const summary = (await loadPacks([dir]))[0].problems.find((p) => p.id === 'q')!;
    assert.deepEqual(found.problem, (await loadProblem(summary)).problem);
    assert.equal(found.problem?.dir, path.join(dir, 'q'));
  });

  it('refuses an id two problems share, as the index does, even when one folder is named after it', async () => {
    writeTree(dir, { ...minimalPack(), ...problem('q', 'q'), ...problem('other', 'q') });
    const found = await findProblem(dir, 'q');
    assert.equal(found.problem, undefined);
    assert.match(found.error ?? '', /No problem 'q'/);
    assert.ok(found.diagnostics.some((d) => d.message.includes('is also used by')), JSON.stringify(found.diagnostics));
  });

  it('finds the problem by its id, not by the folder that happens to bear the id', async () => {
    writeTree(dir, { ...minimalPack(), ...problem('q', 'not-q'), ...problem('elsewhere', 'q') });
    const found = await findProblem(dir, 'q');
    assert.equal(found.problem?.dir, path.join(dir, 'elsewhere'));
    assert.equal((await findProblem(dir, 'not-q')).problem?.dir, path.join(dir, 'q'));
  });

  it('does not take a nested pack named after the id for a problem of the outer pack', async () => {
    writeTree(dir, { ...minimalPack(), ...problem('q', 'q'), 'q/drills-pack.yaml': 'drills: 1\nid: inner\nname: Inner\ndescription: Nested.\n' });
    const found = await findProblem(dir, 'q');
    assert.equal(found.problem, undefined);
    assert.match(found.error ?? '', /No problem 'q'/);
  });

  it('reports a problem that does not load with its diagnostics, whichever way it was looked up', async () => {
    writeTree(dir, { ...minimalPack(), ...problem('q', 'q'), 'q/problem.yaml': 'id: q\ntitle: Q\ndifficulty: impossible\n' });
    const found = await findProblem(dir, 'q');
    assert.equal(found.problem, undefined);
    assert.ok(found.diagnostics.some((d) => d.file === path.join(dir, 'q', 'problem.yaml') && d.severity === 'error'), JSON.stringify(found.diagnostics));
  });
});
