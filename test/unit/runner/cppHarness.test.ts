import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCpp, cppGlue, linkerFlagsOf, type CppBuildResult, type Exec } from '../../../src/core/languages/cppBuild';
import { findOnPath } from '../../../src/core/runner/interpreters';
import { ProtocolReader, protocolMarker, type HarnessCase, type HarnessMessage, type HarnessSpec } from '../../../src/core/runner/protocol';
import { stringifyJsonExact } from '../../../src/core/exactJson';
import { HARNESS_DIR, tempDir } from './helpers';

// The C++ harness on its own: real g++ builds and real runs of the binary with a job on stdin, read back through the
// protocol reader the runner uses. The builds are cached where the runner's C++ tests keep theirs, across runs of the
// suite: the harness's header and object (the longest compile) are built once per harness source and compiler.

const gxx = findOnPath('g++', process.env.PATH);
const CACHE = path.join(os.tmpdir(), 'drills-test-cpp-builds');

const PRELUDE = '#include <vector>\n#include <string>\n#include <unordered_map>\n#include <stdexcept>\nusing namespace std;\n';

interface Ran {
  messages: HarnessMessage[];
  raw: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

let compiles = 0;
const countingExec: Exec = (command, args, cwd, signal) =>
  new Promise((resolve) => {
    if (args.includes('drills_glue.cpp')) compiles++;
    const child = spawn(command, args, { cwd, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'ignore', 'pipe'], ...(signal ? { signal } : {}) });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });

async function build(dir: string, code: string, spec: HarnessSpec, file = 'solution.cpp'): Promise<CppBuildResult> {
  const solutionPath = path.join(dir, file);
  fs.writeFileSync(solutionPath, code);
  return buildCpp({ solutionPath, harnessDir: HARNESS_DIR, spec, compiler: gxx!, compilerVersion: 'test', cacheDir: CACHE, exec: countingExec });
}

function runJob(exe: string, spec: HarnessSpec, cases: HarnessCase[], memoryMb = 256, outputCapBytes = 1 << 20): Promise<Ran> {
  return new Promise((resolve) => {
    const nonce = 'n0nce';
    const child = spawn(exe, [String(memoryMb)], { stdio: ['pipe', 'pipe', 'pipe'] });
    const messages: HarnessMessage[] = [];
    let raw = '';
    const reader = new ProtocolReader(protocolMarker(nonce), (m) => messages.push(m), (t) => (raw += t), (why) => (raw += `[bad message: ${why}]`));
    child.stdout.setEncoding('utf8').on('data', (d: string) => reader.push(d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (raw += d));
    child.on('close', (code, signal) => {
      reader.end();
      resolve({ messages, raw, code, signal });
    });
    child.stdin.end(stringifyJsonExact({ nonce, solutionPath: 'x', codePath: 'x', spec, cases, outputCapBytes, memoryMb }));
  });
}

type Result = Extract<HarnessMessage, { t: 'result' }>;
const results = (r: Ran): Result[] => r.messages.filter((m): m is Result => m.t === 'result');

async function built(dir: string, code: string, spec: HarnessSpec): Promise<string> {
  const b = await build(dir, code, spec);
  if (!b.ok) assert.fail(`build failed: ${JSON.stringify(b.error)}`);
  return b.artifact;
}

(gxx ? describe : describe.skip)('the C++ harness', function () {
  this.timeout(300_000);
  let dir: string;
  beforeEach(() => (dir = tempDir()));

  it('calls Solution::name with arguments converted to the parameter types the solution declares', async () => {
    const spec: HarnessSpec = { kind: 'function', name: 'mix', params: ['int', 'float', 'string', 'bool', 'int[][]', 'map<string,int>', 'any[][]', 'int'], returns: 'any' };
    const exe = await built(
      dir,
      `${PRELUDE}#include <map>
class Solution {
public:
    unordered_map<string, long long> mix(int a, double f, string s, bool b, vector<vector<int>>& grid, map<string, int> m, vector<vector<string>> rows, long long big) {
        unordered_map<string, long long> out;
        out["a"] = a; out["f10"] = (long long)(f * 10); out["len"] = s.size(); out["b"] = b;
        out["cells"] = 0; for (auto& r : grid) out["cells"] += r.size();
        out["m"] = m.at("k"); out["rows"] = rows.size(); out["row1"] = rows[0][1].size(); out["big"] = big + 1;
        return out;
    }
};
`,
      spec,
    );
    const r = await runJob(exe, spec, [{ index: 0, args: [7, 2.5, 'héllo', true, [[1, 2], [3]], { k: 9 }, [['ana', 100]], 9007199254740993n] }]);
    assert.deepEqual(results(r)[0].value, { a: 7, b: 1, big: 9007199254740994n, cells: 3, f10: 25, len: 6, m: 9, row1: 3, rows: 1 });
    assert.equal(r.messages.at(-1)?.t, 'done');
  });

  it('returns vectors, strings, doubles, bools and nested maps as JSON, and void as null', async () => {
    const spec: HarnessSpec = { kind: 'class', name: 'Box', ctorParams: ['int[]'], methods: { all: { name: 'all', params: [], returns: 'int[]' }, half: { name: 'half', params: [], returns: 'float' }, name: { name: 'name', params: ['string'], returns: 'string' }, put: { name: 'put', params: ['int'], returns: 'void' }, table: { name: 'table', params: [], returns: 'map<string,bool[]>' } } };
    const exe = await built(
      dir,
      `${PRELUDE}#include <map>
class Box {
    vector<int> v;
public:
    Box(const vector<int>& init) : v(init) {}
    vector<int> all() const { return v; }
    double half() { return v.size() / 2.0; }
    string name(const string& s) { return "\\"" + s + "\\"\\n"; }
    void put(int x) { v.push_back(x); }
    map<string, vector<bool>> table() { return {{"z", {true}}, {"a", {false, true}}}; }
};
`,
      spec,
    );
    const r = await runJob(exe, spec, [{ index: 3, ops: ['Box', 'put', 'all', 'half', 'name', 'table'], opArgs: [[[1, 2]], [3], [], [], ['x'], []] }]);
    const [res] = results(r);
    assert.equal(res.index, 3);
    assert.deepEqual(res.value, [null, null, [1, 2, 3], 1.5, '"x"\n', { a: [false, true], z: [true] }]);
  });

  it('builds a 100 000-deep tree and list, recurses through them on the raised stack, and returns them', async () => {
    const spec: HarnessSpec = { kind: 'function', name: 'depth', params: ['TreeNode', 'ListNode'], returns: 'ListNode' };
    const exe = await built(
      dir,
      `${PRELUDE}class Solution {
    // 256 bytes a frame: 100 000 frames need about 25 MB, more than the usual 8 MB stack.
    int d(TreeNode* t) { volatile char pad[256]; pad[0] = 1; return t ? pad[0] + max(d(t->left), d(t->right)) : 0; }
public:
    ListNode* depth(TreeNode* root, ListNode* head) {
        ListNode* extra = new ListNode(d(root));
        extra->next = head;
        return extra;
    }
};
`,
      spec,
    );
    const n = 100_000;
    // A chain of right children: [1, null, 2, null, 3, ...].
    const tree: (number | null)[] = [1];
    for (let i = 2; i <= n; i++) tree.push(null, i);
    const list = Array.from({ length: n }, (_, i) => i);
    const r = await runJob(exe, spec, [{ index: 0, args: [tree, list] }, { index: 1, args: [[], []] }]);
    const [deep, empty] = results(r);
    assert.ok(!deep.error, JSON.stringify(deep.error));
    const value = deep.value as number[];
    assert.equal(value.length, n + 1);
    assert.equal(value[0], n);
    assert.equal(value[n], n - 1);
    assert.deepEqual(empty.value, [0]);
  });

  it('reports an exception with its class and its standard bases, and flags the starter\'s "not implemented"', async () => {
    const spec: HarnessSpec = { kind: 'function', name: 'f', params: ['int'], returns: 'int' };
    const exe = await built(
      dir,
      `${PRELUDE}class Solution {
public:
    int f(int x) {
        if (x == 0) throw std::logic_error("not implemented");
        if (x == 1) throw invalid_argument("negative gap");
        if (x == 2) throw 42;
        vector<int> v; return v.at(5);
    }
};
`,
      spec,
    );
    const r = await runJob(exe, spec, [0, 1, 2, 3].map((x) => ({ index: x, args: [x] })));
    const errors = results(r).map((m) => m.error);
    assert.equal(errors[0]?.notImplemented, true);
    assert.deepEqual(errors[1]?.classes, ['std::invalid_argument', 'std::logic_error', 'std::exception']);
    assert.equal(errors[1]?.message, 'std::invalid_argument: negative gap');
    assert.equal(errors[1]?.notImplemented, undefined);
    assert.deepEqual(errors[2]?.classes, ['int']);
    assert.deepEqual(errors[3]?.classes, ['std::out_of_range', 'std::logic_error', 'std::exception']);
    assert.equal(r.messages.at(-1)?.t, 'done');
  });

  it('captures what each case prints (printf, cout, cerr) and cuts it at the cap, where the file stops growing', async () => {
    const spec: HarnessSpec = { kind: 'function', name: 'talk', params: ['int'], returns: 'int' };
    const exe = await built(
      dir,
      `${PRELUDE}#include <iostream>
#include <cstdio>
#include <unistd.h>
#include <sys/stat.h>
class Solution {
public:
    int talk(int n) {
        printf("p%d ", n); cout << "c" << n << " "; cerr << "e" << n;
        if (n != 2) return n;
        // A flood through both streams and the raw descriptor: the size of the file that takes it comes back.
        for (int i = 0; i < 5000; i++) cout << "xxxxxxxxxx";
        for (int i = 0; i < 5000; i++) printf("yyyyyyyyyy");
        for (int i = 0; i < 500; i++) if (write(1, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", 100) < 0) {}
        cout.flush(); fflush(stdout);
        struct stat st;
        fstat(1, &st);
        return static_cast<int>(st.st_size);
    }
};
`,
      spec,
    );
    const r = await runJob(exe, spec, [1, 2, 3].map((x) => ({ index: x, args: [x] })), 256, 1000);
    assert.equal(r.code, 0, 'the flood ends no process');
    const [one, two, three] = results(r);
    assert.equal(one.output.replace(/\s+/g, ' ').trim().split(' ').sort().join(' '), 'c1 e1 p1');
    assert.equal(one.truncated, false);
    assert.equal(two.output.length, 1000);
    assert.equal(two.truncated, true);
    assert.ok((two.value as number) <= 1001, `the capture file grew to ${two.value} bytes past a cap of 1000`);
    // A write refused at the cap leaves nothing behind for the next case, which prints as the first did.
    assert.equal(three.output.replace(/\s+/g, ' ').trim().split(' ').sort().join(' '), 'c3 e3 p3');
    assert.equal(three.value, 3);
  });

  it('reports running out of memory as a memory error (std::bad_alloc under the address-space limit), then stops', async () => {
    const spec: HarnessSpec = { kind: 'function', name: 'hog', params: ['int'], returns: 'int' };
    const exe = await built(
      dir,
      `${PRELUDE}class Solution {
public:
    int hog(int mb) { vector<vector<char>> keep; for (int i = 0; i < mb; i++) keep.emplace_back(1 << 20, 'x'); return keep.size(); }
};
`,
      spec,
    );
    const r = await runJob(exe, spec, [{ index: 0, args: [8] }, { index: 1, args: [400] }, { index: 2, args: [1] }], 64);
    const res = results(r);
    assert.equal(res[0].value, 8);
    assert.equal(res[1].error?.kind, 'memory');
    assert.equal(res.length, 2, 'the rest run in a fresh process');
    assert.equal(r.code, 0);
  });

  it('dies by the signal on a crash, handing over what the case printed and naming a stack overflow', async () => {
    const spec: HarnessSpec = { kind: 'function', name: 'boom', params: ['int'], returns: 'int' };
    const exe = await built(
      dir,
      `${PRELUDE}#include <cstdio>
class Solution {
    int forever(int n) { volatile int pad[16]; pad[0] = n; return forever(n + 1) + pad[0]; }
public:
    int boom(int kind) {
        printf("before the crash\\n");
        if (kind == 0) { int* p = nullptr; return *p; }
        return forever(kind);
    }
};
`,
      spec,
    );
    const segv = await runJob(exe, spec, [{ index: 0, args: [0] }, { index: 1, args: [1] }]);
    assert.equal(segv.signal, 'SIGSEGV');
    assert.ok(segv.messages.some((m) => m.t === 'start' && m.index === 0));
    assert.equal(results(segv).length, 0);
    assert.match(segv.raw, /before the crash/);
    const crash = segv.messages.find((m) => m.t === 'crash');
    assert.ok(crash && crash.t === 'crash' && crash.signal === 11 && !crash.overflow && crash.trace.length > 0, JSON.stringify(crash));
    const overflow = await runJob(exe, spec, [{ index: 1, args: [1] }], 64);
    assert.equal(overflow.signal, 'SIGSEGV');
    assert.match(overflow.raw, /before the crash/);
    const overflowed = overflow.messages.find((m) => m.t === 'crash');
    // The handler ran on its own stack, and the trace it sent is bounded.
    assert.ok(overflowed && overflowed.t === 'crash' && overflowed.overflow && overflowed.trace.length > 0 && overflowed.trace.length <= 48, JSON.stringify(overflowed));
  });

  it('runs class ops and a repeat block, comparing as it goes and stopping at the first difference', async () => {
    const spec: HarnessSpec = { kind: 'class', name: 'Counter', ctorParams: ['int'], methods: { add: { name: 'add', params: ['int'], returns: 'int' } } };
    const exe = await built(
      dir,
      `${PRELUDE}class Counter {
    long long total;
public:
    Counter(int start) : total(start) {}
    long long add(int x) { total += x; return total == 50 ? -1 : total; }
};
`,
      spec,
    );
    const r = await runJob(exe, spec, [
      { index: 0, ops: ['Counter', 'add'], opArgs: [[0], [1]], expected: [null, 1], repeat: { times: 5, ops: ['add'], args: [[1]], expected: [{ $i: [1, 2] }] } },
      { index: 1, ops: ['Counter', 'add'], opArgs: [[0], [1]], expected: [null, 1], repeat: { times: 100, ops: ['add'], args: [[1]], expected: [{ $i: [1, 2] }] } },
      { index: 2, ops: ['Counter', 'add'], opArgs: [[0], [1]], expected: [null, 7], repeat: { times: 100, ops: ['add'], args: [[1]], expected: [{ $i: [1, 2] }] } },
    ]);
    const [ok, bad, skipped] = results(r);
    assert.deepEqual(ok.repeat, { ok: true, times: 5 });
    assert.deepEqual(bad.repeat, { ok: false, times: 100, op: 50, i: 48, name: 'add', args: [1], expected: 50, actual: -1 });
    assert.equal(skipped.repeat, undefined);
    assert.deepEqual(skipped.value, [null, 1]);
  });

  it('maps a compile error to the line and column of the user\'s file, and never recompiles an unchanged file', async () => {
    const spec: HarnessSpec = { kind: 'function', name: 'f', params: ['int'], returns: 'int' };
    const broken = await build(dir, `${PRELUDE}class Solution {\npublic:\n    int f(int x) {\n        return x + undefinedName;\n    }\n};\n`, spec);
    assert.ok(!broken.ok);
    assert.equal(broken.error.kind, 'compile');
    if (broken.error.kind !== 'compile') return;
    assert.deepEqual(broken.error.diagnostics.map((d) => [d.file, d.line, d.column]), [[path.join(dir, 'solution.cpp'), 9, 20]]);
    assert.match(broken.error.message, /solution\.cpp:9:20: 'undefinedName' was not declared/);
    assert.doesNotMatch(broken.error.output, /drills_cpp|drills_glue/);

    // Never built before, in this run or an earlier one: the first build of it compiles.
    const good = `${PRELUDE}class Solution { public: int f(int x) { return x * 2; } };\n// ${process.pid}-${Date.now()}\n`;
    const before = compiles;
    const first = await build(dir, good, spec);
    const second = await build(dir, good, spec);
    assert.ok(first.ok && second.ok);
    assert.equal(first.cached, false);
    assert.equal(second.cached, true);
    assert.equal(compiles - before, 1);
    assert.equal(first.artifact, second.artifact);
  });

  it('builds with the standard headers most solutions use, and with all of them when the solution names something outside those', async () => {
    const spec: HarnessSpec = { kind: 'function', name: 'f', params: ['string'], returns: 'int' };
    const glueOf = (artifact: string): string => fs.readFileSync(path.join(path.dirname(artifact), 'drills_glue.cpp'), 'utf8');
    const unique = `// ${process.pid}-${Date.now()}`;
    // No include at all, as on LeetCode: a map, a sort, a stream.
    let before = compiles;
    const common = await build(dir, `class Solution { public: int f(string s) { map<char, int> m; for (char c : s) m[c]++; vector<int> v; for (auto& [c, n] : m) v.push_back(n); sort(v.begin(), v.end()); ostringstream o; o << v.back(); return stoi(o.str()); } };\n${unique} common\n`, spec);
    if (!common.ok) return assert.fail(JSON.stringify(common.error));
    assert.equal(compiles - before, 1);
    assert.match(glueOf(common.artifact), /^#include "drills_cpp_common\.hpp"/);
    assert.equal(results(await runJob(common.artifact, spec, [{ index: 0, args: ['abca'] }]))[0].value, 2);

    // std::regex is not among them: the build with the common headers fails, the one with all of them passes.
    const usesRegex = `class Solution { public: int f(string s) { regex digits("[0-9]+"); return (int)distance(sregex_iterator(s.begin(), s.end(), digits), sregex_iterator()); } };\n${unique} regex\n`;
    before = compiles;
    const all = await build(dir, usesRegex, spec);
    if (!all.ok) return assert.fail(JSON.stringify(all.error));
    assert.equal(compiles - before, 2);
    assert.match(glueOf(all.artifact), /^#include "drills_cpp\.hpp"/);
    assert.equal(results(await runJob(all.artifact, spec, [{ index: 0, args: ['a1b22c333'] }]))[0].value, 3);
    // Its re-run takes that build, with no attempt with the common headers first.
    before = compiles;
    const again = await build(dir, usesRegex, spec);
    assert.ok(again.ok && again.cached && again.artifact === all.artifact, JSON.stringify(again));
    assert.equal(compiles - before, 0);

    // A mistake no header cures is reported from the one build: a missing semicolon compiles once.
    before = compiles;
    const syntax = await build(dir, `class Solution { public: int f(string s) { return (int)s.size() } };\n${unique} syntax\n`, spec);
    assert.ok(!syntax.ok && syntax.error.kind === 'compile', JSON.stringify(syntax));
    assert.equal(compiles - before, 1);
    // A name no header declares is tried with all of them, and reported from that build, at the user's line.
    before = compiles;
    const typo = await build(dir, `class Solution { public: int f(string s) {\n    return (int)s.size() + widthOfIt;\n} };\n${unique} typo\n`, spec);
    if (typo.ok || typo.error.kind !== 'compile') return assert.fail(JSON.stringify(typo));
    assert.equal(compiles - before, 2);
    assert.deepEqual(typo.error.diagnostics.map((d) => [d.line, d.message]), [[2, "'widthOfIt' was not declared in this scope"]]);
    assert.doesNotMatch(typo.error.output, /drills_cpp|drills_glue/);
  });

  it('builds a solution once wherever its file is and whatever path reaches the cache, and names the file where it is in a compile error', async () => {
    const spec: HarnessSpec = { kind: 'function', name: 'f', params: ['int'], returns: 'int' };
    const good = `${PRELUDE}class Solution { public: int f(int x) { return x * 3; } };\n// ${process.pid}-${Date.now()} moved\n`;
    const other = tempDir();
    try {
      const before = compiles;
      const here = await build(dir, good, spec);
      const moved = await build(other, good, spec, 'three.cpp');
      assert.ok(here.ok && moved.ok);
      assert.equal(moved.cached, true);
      assert.equal(moved.artifact, here.artifact);
      assert.equal(compiles - before, 1);
      const ran = await runJob(moved.artifact, spec, [{ index: 0, args: [5] }]);
      assert.equal(results(ran)[0].value, 15);
      // The same cache reached through a link (a folder linked into another place) holds the same builds.
      const link = path.join(other, 'linked-cache');
      fs.symlinkSync(CACHE, link);
      const throughLink = await buildCpp({ solutionPath: path.join(other, 'three.cpp'), harnessDir: HARNESS_DIR, spec, compiler: gxx!, compilerVersion: 'test', cacheDir: link, exec: countingExec });
      assert.ok(throughLink.ok && throughLink.cached, JSON.stringify(throughLink));
      assert.equal(compiles - before, 1);

      const broken = await build(other, `${PRELUDE}class Solution {\npublic:\n    int f(int x) { return x + missingName; }\n};\n`, spec, 'three.cpp');
      assert.ok(!broken.ok);
      if (broken.error.kind !== 'compile') return assert.fail(JSON.stringify(broken.error));
      assert.deepEqual(broken.error.diagnostics.map((d) => [d.file, d.line, d.column]), [[path.join(other, 'three.cpp'), 8, 31]]);
      assert.match(broken.error.message, /^The solution does not compile: three\.cpp:8:31: 'missingName' was not declared/);
      assert.match(broken.error.output, new RegExp(`^${path.join(other, 'three.cpp').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:8:31: error: 'missingName'`, 'm'));
      assert.doesNotMatch(broken.error.output, /(^|\/)solution\.cpp/m);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('links with gold where the toolchain has it, and with its default linker where it has not', async () => {
    const spec: HarnessSpec = { kind: 'function', name: 'f', params: ['int'], returns: 'int' };
    const code = `${PRELUDE}class Solution { public: int f(int x) { return x * 7; } };\n// ${process.pid}-${Date.now()} linker\n`;
    const solutionPath = path.join(dir, 'linker.cpp');
    fs.writeFileSync(solutionPath, code);
    const links: string[][] = [];
    const recording =
      (refuseGold: boolean): Exec =>
      (command, args, cwd, signal) => {
        if (args.includes('drills_glue.cpp')) links.push(args);
        // A toolchain without gold: the compiler driver fails as g++ does when the linker is not there.
        if (refuseGold && args.includes('-fuse-ld=gold')) return Promise.resolve({ code: 1, stderr: 'collect2: fatal error: cannot find \'ld.gold\'' });
        return countingExec(command, args, cwd, signal);
      };
    const withGold = await buildCpp({ solutionPath, harnessDir: HARNESS_DIR, spec, compiler: gxx!, compilerVersion: 'test', cacheDir: CACHE, exec: recording(false) });
    assert.ok(withGold.ok, JSON.stringify(withGold));
    const hasGold = findOnPath('ld.gold', process.env.PATH) !== undefined;
    assert.ok(!withGold.cached, 'a source no run built before');
    assert.equal(links.at(-1)!.includes('-fuse-ld=gold'), hasGold, links.at(-1)!.join(' '));
    // A toolchain without gold: the harness build's probe finds that out and records the default linker...
    const probeDir = tempDir();
    const cacheWithoutGold = tempDir();
    try {
      assert.deepEqual(await linkerFlagsOf(gxx!, probeDir, recording(true)), []);
      assert.deepEqual(await linkerFlagsOf(gxx!, probeDir, recording(false)), hasGold ? ['-fuse-ld=gold'] : []);
      // ...and every solution it builds links with that. The harness's folder as such a build leaves it (its files
      // linked, not copied: the precompiled header is ~100 MB), in a cache of its own.
      const withGoldLink = links.at(-1)!;
      const harnessBuild = withGoldLink[withGoldLink.indexOf('-I') + 1];
      const harness = path.basename(harnessBuild);
      fs.mkdirSync(path.join(cacheWithoutGold, harness));
      for (const f of fs.readdirSync(harnessBuild)) {
        if (f !== 'linker.json') fs.linkSync(path.join(harnessBuild, f), path.join(cacheWithoutGold, harness, f));
      }
      fs.writeFileSync(path.join(cacheWithoutGold, harness, 'linker.json'), '[]');
      const withoutGold = await buildCpp({ solutionPath, harnessDir: HARNESS_DIR, spec, compiler: gxx!, compilerVersion: 'test', cacheDir: cacheWithoutGold, exec: recording(true) });
      assert.ok(withoutGold.ok, JSON.stringify(withoutGold));
      assert.ok(!links.at(-1)!.includes('-fuse-ld=gold'), links.at(-1)!.join(' '));
      for (const built of [withGold, withoutGold]) {
        const ran = await runJob(built.artifact, spec, [{ index: 0, args: [6] }]);
        assert.equal(results(ran)[0].value, 42);
      }
    } finally {
      fs.rmSync(probeDir, { recursive: true, force: true });
      fs.rmSync(cacheWithoutGold, { recursive: true, force: true });
    }
  });

  it('removes what interrupted builds left in the cache when it stores a new build', async () => {
    const leftover = path.join(CACHE, `${process.pid}-${Date.now()}.tmp-XXXXXX`);
    fs.mkdirSync(leftover, { recursive: true });
    const hoursAgo = new Date(Date.now() - 2 * 3_600_000);
    fs.utimesSync(leftover, hoursAgo, hoursAgo);
    try {
      // Never built before: a new build, after which the cache is pruned.
      const b = await build(dir, `${PRELUDE}class Solution { public: int f(int x) { return x; } };\n// ${process.pid}-${Date.now()} pruned\n`, { kind: 'function', name: 'f', params: ['int'], returns: 'int' });
      assert.ok(b.ok && !b.cached, JSON.stringify(b));
      assert.equal(fs.existsSync(leftover), false);
    } finally {
      fs.rmSync(leftover, { recursive: true, force: true });
    }
  });

  it('says which member is missing when the solution lacks what the problem calls', async () => {
    const b = await build(dir, `${PRELUDE}class Solution { public: int g(int x) { return x; } };\n`, { kind: 'function', name: 'f', params: ['int'], returns: 'int' });
    assert.ok(!b.ok);
    assert.equal(b.error.kind, 'not-found');
    assert.match(b.error.message, /^The solution has no member function named f in class Solution/);
  });

  it('generates glue that includes the solution\'s copy, whatever the user\'s file is called', () => {
    const glue = cppGlue({ kind: 'function', name: 'f', params: [], returns: 'int' });
    assert.match(glue, /#include "solution\.cpp"/);
    assert.match(glue, /&Solution::f/);
  });
});
