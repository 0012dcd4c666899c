import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Language } from '../../../src/core/pack/types';
import { isAlive, languagesWith, makeProblem, modeLabel, modesOf, runCode, tc, tempDir } from './helpers';
import { pidFrom, strayProcesses } from './processes';
import { languageById } from '../../../src/core/languages/registry';

/** Files named like modules the harness uses, beside the solution: each fails loudly if it is ever loaded. */
const LOOKALIKES: Partial<Record<Language, string[]>> = {
  python: ['json.py', 'traceback.py', 'resource.py', 'typing.py', 'linecache.py'],
  javascript: ['json.js', 'fs.js', 'path.js', 'vm.js', 'module.js'],
  typescript: ['json.ts', 'fs.ts', 'path.ts', 'vm.ts', 'module.ts'],
  go: ['json.go', 'reflect.go', 'runtime.go', 'main.go', 'go.mod'],
  java: ['DrillsHarness.java', 'DrillsHarness.class', 'Json.java', 'String.java', 'Map.java'],
  // The harness's header and standard headers the solution includes: a file beside it must never be taken for them.
  cpp: ['drills_cpp.hpp', 'drills_cpp_common.hpp', 'vector', 'string', 'stdexcept', 'cstdio'],
};

const MODES: Partial<Record<Language, string>> = {
  python: 'from typing import List\ndef solve(mode):\n    if mode == "throw":\n        raise ValueError("bad input")\n    if mode == "memory":\n        hog = b"x" * (300 << 20)\n    return 42\n',
  javascript: "function solve(mode) {\n  if (mode === 'throw') throw new Error('bad input');\n  if (mode === 'memory') return Buffer.alloc(300 << 20, 1).length;\n  return 42;\n}\n",
  typescript: "export function solve(mode: string): number {\n  if (mode === 'throw') throw new Error('bad input');\n  if (mode === 'memory') return Buffer.alloc(300 << 20, 1).length;\n  return 42;\n}\n",
  go: 'func solve(mode string) int {\n\tif mode == "throw" {\n\t\tpanic("bad input")\n\t}\n\tif mode == "memory" {\n\t\thog := make([]byte, 300<<20)\n\t\tfor i := range hog {\n\t\t\thog[i] = 1\n\t\t}\n\t\treturn len(hog)\n\t}\n\treturn 42\n}\n',
  java: 'class Solution {\n    public int solve(String mode) {\n        if (mode.equals("throw")) throw new IllegalArgumentException("bad input");\n        if (mode.equals("memory")) {\n            byte[] hog = new byte[300 << 20];\n            java.util.Arrays.fill(hog, (byte) 1);\n            return hog.length;\n        }\n        return 42;\n    }\n}\n',
  cpp: '#include <vector>\n#include <string>\n#include <stdexcept>\n#include <cstdio>\nusing namespace std;\n\nclass Solution {\npublic:\n    int solve(string mode) {\n        if (mode == "throw") throw invalid_argument("bad input");\n        if (mode == "memory") {\n            vector<char> hog(300 << 20, 1);\n            return hog.size();\n        }\n        return 42;\n    }\n};\n',
};

/** Returns the permission bits of every entry of `tmp` (the folder transpiled code is written to). */
const TEMP_MODES: Partial<Record<Language, string>> = {
  python: 'import os\ndef solve(tmp):\n    return [os.stat(os.path.join(tmp, n)).st_mode & 0o777 for n in sorted(os.listdir(tmp))]\n',
  // Module syntax: this JavaScript is transpiled too.
  javascript: "import * as fs from 'fs';\nimport * as path from 'path';\nexport function solve(tmp) {\n  return fs.readdirSync(tmp).sort().map((n) => fs.statSync(path.join(tmp, n)).mode & 0o777);\n}\n",
  typescript: "import * as fs from 'fs';\nimport * as path from 'path';\nexport function solve(tmp: string): number[] {\n  return fs.readdirSync(tmp).sort().map((n) => fs.statSync(path.join(tmp, n)).mode & 0o777);\n}\n",
  go: 'import (\n\t"os"\n\t"path/filepath"\n\t"sort"\n)\n\nfunc solve(tmp string) []int {\n\tentries, _ := os.ReadDir(tmp)\n\tnames := []string{}\n\tfor _, e := range entries {\n\t\tnames = append(names, e.Name())\n\t}\n\tsort.Strings(names)\n\tout := []int{}\n\tfor _, n := range names {\n\t\tinfo, _ := os.Stat(filepath.Join(tmp, n))\n\t\tout = append(out, int(info.Mode().Perm()))\n\t}\n\treturn out\n}\n',
  java: 'import java.io.File;\nimport java.nio.file.*;\nimport java.util.*;\n\nclass Solution {\n    public List<Integer> solve(String tmp) throws Exception {\n        String[] names = new File(tmp).list();\n        Arrays.sort(names);\n        List<Integer> out = new ArrayList<>();\n        for (String n : names) out.add((Integer) Files.getAttribute(Paths.get(tmp, n), "unix:mode") & 0777);\n        return out;\n    }\n}\n',
  cpp: '#include <filesystem>\nclass Solution {\npublic:\n    vector<int> solve(string tmp) {\n        vector<filesystem::path> names;\n        for (auto& e : filesystem::directory_iterator(tmp)) names.push_back(e.path());\n        sort(names.begin(), names.end());\n        vector<int> out;\n        for (auto& n : names) out.push_back((int)filesystem::status(n).permissions() & 0777);\n        return out;\n    }\n};\n',
};

/** Returns 41 (wrong); on `rewrite`, first replaces the checker with one that accepts anything. */
const REWRITE_CHECKER: Partial<Record<Language, string>> = {
  python: 'def solve(checker):\n    if checker:\n        with open(checker, "w") as f:\n            f.write("module.exports = () => true;\\n")\n    return 41\n',
  javascript: "function solve(checker) {\n  if (checker) require('fs').writeFileSync(checker, 'module.exports = () => true;\\n');\n  return 41;\n}\n",
  typescript: "import * as fs from 'fs';\nexport function solve(checker: string): number {\n  if (checker) fs.writeFileSync(checker, 'module.exports = () => true;\\n');\n  return 41;\n}\n",
  go: 'import "os"\n\nfunc solve(checker string) int {\n\tif checker != "" {\n\t\t_ = os.WriteFile(checker, []byte("module.exports = () => true;\\n"), 0o644)\n\t}\n\treturn 41\n}\n',
  java: 'import java.nio.file.*;\n\nclass Solution {\n    public int solve(String checker) throws Exception {\n        if (!checker.isEmpty()) Files.writeString(Paths.get(checker), "module.exports = () => true;\\n");\n        return 41;\n    }\n}\n',
  cpp: 'class Solution {\npublic:\n    int solve(string checker) {\n        if (!checker.empty()) {\n            ofstream f(checker);\n            f << "module.exports = () => true;\\n";\n        }\n        return 41;\n    }\n};\n',
};

for (const [language, mode] of languagesWith(LOOKALIKES, MODES, TEMP_MODES, REWRITE_CHECKER).flatMap((l) => modesOf(l).map((m) => [l, m] as const))) {
  describe(`runner: what the solution's files and code can reach (${language}${modeLabel(mode)})`, function () {
    this.timeout(40_000);
    const dir = tempDir();
    afterEach(() => assert.deepEqual(strayProcesses(dir), []));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("runs a solution beside files named like the harness's own modules (json, traceback…) as if they were not there", async () => {
      const own = path.join(dir, `lookalikes-${language}`);
      fs.mkdirSync(own);
      for (const name of LOOKALIKES[language]!) {
        fs.writeFileSync(path.join(own, name), language === 'python' ? `raise ImportError("the solution's ${name} was loaded")\n` : `throw new Error("the solution's ${name} was loaded");\n`);
      }
      if (language !== 'python') fs.writeFileSync(path.join(own, 'package.json'), '{"type": "module"}\n');
      const problem = makeProblem({ limits: { timeMs: 5000, memoryMb: 64 }, cases: [tc(['ok'], 42), tc(['throw'], 42), tc(['memory'], 42), tc(['ok'], 42)] });
      const run = await runCode(own, language, MODES[language]!, problem, { mode });
      assert.equal(run.error, undefined, run.error?.message);
      assert.deepEqual(run.cases.map((c) => c.verdict), ['passed', 'error', 'memory', 'passed'], JSON.stringify(run.cases.map((c) => c.message)));
      assert.match(run.cases[1].message ?? '', /bad input/);
    });

    it('writes transpiled code to a private folder of its own (0700) and removes it after the run', async () => {
      const tmp = path.join(dir, `tmp-${language}`);
      fs.mkdirSync(tmp);
      // Another user's folder under the old shared name changes nothing.
      fs.mkdirSync(path.join(tmp, 'drills-run'), { mode: 0o777 });
      fs.chmodSync(path.join(tmp, 'drills-run'), 0o777);
      // Only a language that prepares the solution (transpiling) writes there.
      const expected = languageById(language).prepare ? [0o777, 0o700] : [0o777];
      const problem = makeProblem({ cases: [tc([tmp], expected)] });
      const run = await runCode(dir, language, TEMP_MODES[language]!, problem, { mode, env: { tmpDir: tmp } });
      assert.equal(run.cases[0].verdict, 'passed', JSON.stringify(run.cases[0]));
      assert.deepEqual(fs.readdirSync(tmp), ['drills-run']);
      assert.deepEqual(fs.readdirSync(path.join(tmp, 'drills-run')), []);
    });

    it('judges with the checker as it was before any case ran, even when the solution rewrites it', async () => {
      const pack = path.join(dir, `pack-rewrite-${language}`);
      fs.mkdirSync(pack);
      const checker = path.join(pack, 'check.js');
      fs.writeFileSync(checker, 'module.exports = (args, expected, actual) => actual === expected || `got ${actual}`;\n');
      const problem = makeProblem({ dir: pack, compare: { kind: 'checker', script: 'check.js' }, cases: [tc([checker], 42), tc([''], 42)] });
      const run = await runCode(pack, language, REWRITE_CHECKER[language]!, problem, { mode });
      assert.equal(fs.readFileSync(checker, 'utf8'), 'module.exports = () => true;\n', 'the solution did rewrite it');
      assert.deepEqual(run.cases.map((c) => c.verdict), ['failed', 'failed'], JSON.stringify(run.cases.map((c) => c.message)));
    });

    it("kills a daemon the pack's checker starts, without waiting for the pipes it holds", async () => {
      const pack = path.join(dir, `pack-daemon-${language}`);
      fs.mkdirSync(pack);
      const pidfile = path.join(pack, 'daemon.pid');
      // Written whole, then renamed: the checker returns once the file is there, and the run may kill the daemon then.
      const daemon = `const fs = require('fs'); fs.writeFileSync(${JSON.stringify(`${pidfile}.tmp`)}, String(process.pid)); fs.renameSync(${JSON.stringify(`${pidfile}.tmp`)}, ${JSON.stringify(pidfile)}); setInterval(() => {}, 1000);`;
      fs.writeFileSync(
        path.join(pack, 'check.js'),
        `require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(daemon)}], { detached: true, stdio: 'inherit' }).unref();\n` +
          `module.exports = (args, expected, actual) => { while (!require('fs').existsSync(${JSON.stringify(pidfile)})); return actual === expected; };\n`,
      );
      const problem = makeProblem({ dir: pack, compare: { kind: 'checker', script: 'check.js' }, cases: [tc([''], 41), tc([''], 42)] });
      const run = await runCode(pack, language, REWRITE_CHECKER[language]!, problem, { mode });
      assert.deepEqual(run.cases.map((c) => c.verdict), ['passed', 'failed']);
      assert.equal(isAlive(await pidFrom(pidfile)), false, 'the checker\'s daemon still runs');
    });

    it('refuses a checker whose real path is outside the pack, before running anything', async () => {
      const pack = path.join(dir, `pack-link-${language}`);
      const outside = path.join(dir, `outside-${language}`);
      fs.mkdirSync(path.join(pack, 'p'), { recursive: true });
      fs.mkdirSync(outside);
      fs.writeFileSync(path.join(outside, 'check.js'), 'module.exports = () => true;\n');
      fs.symlinkSync(path.join(outside, 'check.js'), path.join(pack, 'p', 'check.js'));
      const marker = path.join(dir, `ran-${language}`);
      const problem = makeProblem({ dir: path.join(pack, 'p'), packDir: pack, compare: { kind: 'checker', script: 'check.js' }, cases: [tc([marker], 42)] });
      // A solution that would leave the marker if it ran (a compiled language's must compile, or nothing proves the refusal).
      const marks: Partial<Record<Language, string>> = {
        python: 'def solve(m):\n    open(m, "w").close()\n    return 41\n',
        java: 'import java.nio.file.*;\n\nclass Solution {\n    public int solve(String m) throws Exception {\n        Files.writeString(Paths.get(m), "");\n        return 41;\n    }\n}\n',
      };
      const code = marks[language] ?? "function solve(m) {\n  require('fs').writeFileSync(m, '');\n  return 41;\n}\n";
      const run = await runCode(path.join(pack, 'p'), language, code, problem, { mode });
      assert.match(run.error?.message ?? '', /outside the pack/);
      assert.equal(run.cases[0].verdict, 'error');
      assert.equal(fs.existsSync(marker), false, 'the solution ran');
    });
  });
}
