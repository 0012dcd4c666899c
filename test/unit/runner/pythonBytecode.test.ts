import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HARNESS_DIR, makeProblem, runCode, tc, tempDir } from './helpers';

describe('python harness start-up', () => {
  let dir: string;
  let harnessDir: string;
  let saved: string | undefined;
  beforeEach(() => {
    dir = tempDir();
    // A fresh copy of the built harnesses: no bytecode cached yet.
    harnessDir = path.join(dir, 'harness');
    fs.cpSync(HARNESS_DIR, harnessDir, { recursive: true, filter: (f) => !f.includes('__pycache__') });
    saved = process.env.PYTHONDONTWRITEBYTECODE;
    process.env.PYTHONDONTWRITEBYTECODE = '1';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.PYTHONDONTWRITEBYTECODE;
    else process.env.PYTHONDONTWRITEBYTECODE = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('caches the harness bytecode under PYTHONDONTWRITEBYTECODE, but none of the solution\'s modules', async () => {
    const solutionDir = path.join(dir, 'attempt');
    fs.mkdirSync(solutionDir);
    fs.writeFileSync(path.join(solutionDir, 'helper.py'), 'def twice(a):\n    return 2 * a\n');
    const problem = makeProblem({ cases: [tc([3], 6), tc([4], 8)] });
    const result = await runCode(solutionDir, 'python', 'from helper import twice\n\ndef solve(a):\n    return twice(a)\n', problem, { env: { harnessDir } });
    assert.equal(result.passed, 2, JSON.stringify(result.error ?? result.cases));
    const cached = fs.existsSync(path.join(harnessDir, '__pycache__')) ? fs.readdirSync(path.join(harnessDir, '__pycache__')) : [];
    assert.ok(cached.some((f) => f.startsWith('py_harness.') && f.endsWith('.pyc')), `harness bytecode: ${cached.join(', ')}`);
    assert.ok(!fs.existsSync(path.join(solutionDir, '__pycache__')), 'the solution\'s own imports honour PYTHONDONTWRITEBYTECODE');
  });
});
