import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { LANGUAGE_IDS, languageById, type Language } from '../../../src/core/languages/registry';
import { stackFrames } from '../../../src/core/session/stackFrames';
import { makeProblem, runCode, tc, tempDir } from '../runner/helpers';

const dir = tempDir();
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('stack frames of a failing solution', function () {
  this.timeout(40_000);

  it('reads Node frames, named and anonymous, innermost first, without a file for internal frames', () => {
    const stack = ['TypeError: boom', '    at inner (/w/solution.js:3:11)', '    at /w/solution.js:7:5', '    at Array.map (<anonymous>)', '    at async outer (/w/solution.js:9:1)', '    at node:internal/main:1:2'].join('\n');
    assert.deepEqual(stackFrames(stack), [
      { label: 'inner', file: '/w/solution.js', line: 3, column: 11 },
      { label: '<anonymous>', file: '/w/solution.js', line: 7, column: 5 },
      { label: 'async outer', file: '/w/solution.js', line: 9, column: 1 },
      { label: '<anonymous>', line: 1, column: 2 },
    ]);
  });

  it('reads a Python traceback innermost first, skipping source lines and the message', () => {
    const stack = ['Traceback (most recent call last):', '  File "/w/solution.py", line 9, in solve', '    return helper(xs)', '  File "/w/solution.py", line 4, in helper', '    raise ValueError("bad")', 'ValueError: bad'].join('\n');
    assert.deepEqual(stackFrames(stack), [
      { label: 'helper', file: '/w/solution.py', line: 4 },
      { label: 'solve', file: '/w/solution.py', line: 9 },
    ]);
  });

  it('has no frames for a message without a stack', () => {
    assert.deepEqual(stackFrames('Exceeded the time limit of 1000 ms.'), []);
  });

  /** Per language: a solution whose `helper`, called by `solve`, throws at the given line. */
  const THROWING: Partial<Record<Language, { code: string; line: number }>> = {
    javascript: { code: 'function helper(x) {\n  if (x > 0) throw new Error("boom");\n}\nfunction solve(a) {\n  helper(a);\n}\n', line: 2 },
    typescript: { code: 'function helper(x: number): void {\n  if (x > 0) throw new Error("boom");\n}\nfunction solve(a: number) {\n  helper(a);\n}\n', line: 2 },
    python: { code: 'def helper(x):\n    if x > 0:\n        raise ValueError("boom")\n\ndef solve(a):\n    helper(a)\n', line: 3 },
    java: { code: 'class Solution {\n  void helper(int x) {\n    if (x > 0) throw new IllegalStateException("boom");\n  }\n  public Integer solve(int a) {\n    helper(a);\n    return null;\n  }\n}\n', line: 3 },
    cpp: { code: '#include <stdexcept>\nclass Solution {\n  void helper(int x) {\n    if (x > 0) throw std::runtime_error("boom");\n  }\npublic:\n  int solve(int a) {\n    helper(a);\n    return 0;\n  }\n};\n', line: 4 },
    go: { code: 'package main\n\nfunc helper(x int) {\n\tif x > 0 {\n\t\tpanic("boom")\n\t}\n}\n\nfunc solve(a int) interface{} {\n\thelper(a)\n\treturn nil\n}\n', line: 5 },
  };
  for (const language of LANGUAGE_IDS.filter((l) => THROWING[l] !== undefined)) {
    it(`points the first frame of a real ${language} run at the solution's throwing line`, async function () {
      // A compiled language's first build on a busy machine (C++ builds its precompiled harness once).
      if (languageById(language).build) this.timeout(300_000);
      const { code, line: throwLine } = THROWING[language]!;
      const run = await runCode(dir, language, code, makeProblem({ cases: [tc([1], null)] }));
      const [c] = run.cases;
      assert.equal(c.verdict, 'error', JSON.stringify(c));
      const frames = stackFrames(c.stack ?? '', language);
      assert.ok(frames.length >= 2, c.stack);
      assert.ok((frames[0].file ?? '').endsWith(languageById(language).extension) && /sol_\w+\.\w+$/.test(frames[0].file ?? ''), c.stack);
      assert.equal(frames[0].line, throwLine, c.stack);
      // Java and C++ name a method with its class (`Solution.helper`, `Solution::helper`).
      assert.match(frames[0].label, /^(\w+(\.|::))?helper$/);
      assert.match(frames[1].label, /^(\w+(\.|::))?solve$/);
    });
  }
});
