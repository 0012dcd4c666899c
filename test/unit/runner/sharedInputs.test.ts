import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Language } from '../../../src/core/pack/types';
import { sharedInputs } from '../../../src/core/runner/run';
import { languagesWith, makeProblem, runCode, tc, tempDir } from './helpers';

/** `head(xs)`: the first element, after which it adds 100 to it in the caller's list (where the language lets it). */
const HEAD: Record<Language, string> = {
  python: 'def head(xs):\n    first = xs[0]\n    xs[0] += 100\n    return first\n',
  javascript: 'function head(xs) {\n  const first = xs[0];\n  xs[0] += 100;\n  return first;\n}\nmodule.exports = { head };\n',
  typescript: 'export function head(xs: number[]): number {\n  const first = xs[0];\n  xs[0] += 100;\n  return first;\n}\n',
  java: 'class Solution {\n    public int head(int[] xs) {\n        int first = xs[0];\n        xs[0] += 100;\n        return first;\n    }\n}\n',
  cpp: '#include <vector>\nclass Solution {\npublic:\n    int head(std::vector<int>& xs) {\n        int first = xs[0];\n        xs[0] += 100;\n        return first;\n    }\n};\n',
  go: 'func head(xs []int) int {\n\tfirst := xs[0]\n\txs[0] += 100\n\treturn first\n}\n',
};

const headProblem = (cases: ReturnType<typeof tc>[]) =>
  makeProblem({ function: { name: 'head', params: [{ name: 'xs', type: 'int[]' }], returns: 'int' }, cases, limits: { timeMs: 5000, memoryMb: 256 } });

describe('runner: inputs several cases share are sent once', () => {
  it('cases made from one input refer to it; equal inputs that are not the same one, and repeat blocks, are sent as they are', () => {
    const big = [Array.from({ length: 100_000 }, (_, i) => i)];
    const ops = { ops: ['Counter', 'add'], opArgs: [[], [1]] };
    const cases = [tc(big), tc(big), tc([[1, 2]]), tc([[1, 2]]), tc(big), { ...tc([]), args: undefined, ...ops }, { ...tc([]), args: undefined, ...ops }, { ...tc([]), args: undefined, ...ops, repeat: { times: 2, ops: ['add'], args: [[1]], expected: [1] } }];
    cases[7].opArgs = ops.opArgs;
    const job = sharedInputs(cases, [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(job.inputs, [{ args: big }, { ops: ops.ops, opArgs: ops.opArgs }]);
    assert.deepEqual(job.cases.slice(0, 7), [{ index: 0, input: 0 }, { index: 1, input: 0 }, { index: 2, args: [[1, 2]] }, { index: 3, args: [[1, 2]] }, { index: 4, input: 0 }, { index: 5, input: 1 }, { index: 6, input: 1 }]);
    assert.equal(job.cases[7].input, undefined, 'a repeat block is sent with its case');
    assert.ok(JSON.stringify(job).length < JSON.stringify(big).length * 1.2, 'the shared input was sent more than once');
  });

  it('a job whose cases share nothing has no inputs', () => {
    assert.deepEqual(sharedInputs([tc([1]), tc([2])], [1]), { cases: [{ index: 1, args: [2] }] });
  });
});

for (const language of languagesWith(HEAD)) {
  describe(`runner: a shared input (${language})`, function () {
    this.timeout(120_000);
    let dir: string;
    beforeEach(() => (dir = tempDir()));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('reaches every case that shares it as it was sent, whatever an earlier case did to its copy', async () => {
      const shared = [[5, 6, 7]];
      const run = await runCode(dir, language, HEAD[language], headProblem([tc(shared, 5), tc(shared, 5), tc([[8]], 8), tc(shared, 5)]));
      assert.deepEqual(run.cases.map((c) => c.verdict), ['passed', 'passed', 'passed', 'passed'], JSON.stringify(run.error ?? run.cases));
    });
  });
}
