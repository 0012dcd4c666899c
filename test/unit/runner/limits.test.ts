import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Language } from '../../../src/core/pack/types';
import { languagesWith, makeProblem, modeLabel, modesOf, runCode, tc, tempDir } from './helpers';
import { strayProcesses } from './processes';
import { languageById } from '../../../src/core/languages/registry';

/** 640 MB the JS heap limit does not see: Buffers, then a child process. */
const NODE_OUTSIDE_HEAP = {
  buffers: "const keep = [];\nfor (let i = 0; i < 40; i++) keep.push(Buffer.alloc(16 * 1024 * 1024, 1));\nreturn keep.length + 2;",
  child: "require('child_process').execFileSync(process.execPath, ['-e', 'const keep = []; for (let i = 0; i < 40; i++) keep.push(Buffer.alloc(16 << 20, 1)); console.log(keep.length)']);\nreturn 42;",
};

const MEMORY: Partial<Record<Language, string>> = {
  // Raises its own soft limit to the hard one, then fills 700 MB.
  python: `import resource, subprocess, sys
def solve(mode):
    if mode == "raise":
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
        hog = b"x" * (700 << 20)
        return len(hog) // (700 << 20) + 41
    code = "import resource\\ntry:\\n    resource.setrlimit(resource.RLIMIT_AS, (-1, -1))\\nexcept ValueError:\\n    pass\\nhog = b'x' * (700 << 20)\\n"
    done = subprocess.run([sys.executable, "-c", code])
    return 42 if done.returncode == 0 else 0
`,
  javascript: `function solve(mode) {\n  if (mode === 'raise') {\n${NODE_OUTSIDE_HEAP.buffers}\n  }\n  ${NODE_OUTSIDE_HEAP.child}\n}\n`,
  typescript: `export function solve(mode: string): number {\n  if (mode === 'raise') {\n${NODE_OUTSIDE_HEAP.buffers}\n  }\n  ${NODE_OUTSIDE_HEAP.child}\n}\n`,
  // Raises its soft limit to the hard one (the harness set both), then fills 700 MB; the child is Python's.
  go: `import (
	"os/exec"
	"syscall"
)

func solve(mode string) int {
	if mode == "raise" {
		var lim syscall.Rlimit
		_ = syscall.Getrlimit(syscall.RLIMIT_AS, &lim)
		lim.Cur = lim.Max
		_ = syscall.Setrlimit(syscall.RLIMIT_AS, &lim)
		hog := make([]byte, 700<<20)
		for i := range hog {
			hog[i] = 1
		}
		return len(hog)/(700<<20) + 41
	}
	code := "import resource\\ntry:\\n    resource.setrlimit(resource.RLIMIT_AS, (-1, -1))\\nexcept ValueError:\\n    pass\\nhog = b'x' * (700 << 20)\\n"
	if exec.Command("python3", "-c", code).Run() == nil {
		return 42
	}
	return 0
}
`,
  // 700 MB of native memory -Xmx does not see (Unsafe.allocateMemory, every page touched); the child is Python's.
  java: `import java.lang.reflect.Field;

class Solution {
    public int solve(String mode) throws Exception {
        if (mode.equals("raise")) {
            Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            sun.misc.Unsafe unsafe = (sun.misc.Unsafe) field.get(null);
            long size = 700L << 20;
            long address = unsafe.allocateMemory(size);
            unsafe.setMemory(address, size, (byte) 1);
            return (int) (size / (700L << 20)) + 41;
        }
        String code = "import resource\\ntry:\\n    resource.setrlimit(resource.RLIMIT_AS, (-1, -1))\\nexcept ValueError:\\n    pass\\nhog = b'x' * (700 << 20)\\n";
        return new ProcessBuilder("python3", "-c", code).inheritIO().start().waitFor() == 0 ? 42 : 0;
    }
}
`,
  // Raises its soft limit to the hard one (the harness set both), then fills 700 MB; the child is Python's.
  cpp: `#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
class Solution {
public:
    int solve(string mode) {
        if (mode == "raise") {
            struct rlimit lim;
            getrlimit(RLIMIT_AS, &lim);
            lim.rlim_cur = lim.rlim_max;
            setrlimit(RLIMIT_AS, &lim);
            vector<char> hog(700 << 20, 1);
            return hog.size() / (700 << 20) + 41;
        }
        const char* code = "import resource\\ntry:\\n    resource.setrlimit(resource.RLIMIT_AS, (-1, -1))\\nexcept ValueError:\\n    pass\\nhog = b'x' * (700 << 20)\\n";
        pid_t child = fork();
        if (child == 0) {
            execlp("python3", "python3", "-c", code, (char*)nullptr);
            _exit(127);
        }
        int status = 0;
        waitpid(child, &status, 0);
        return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 42 : 0;
    }
};
`,
};

/**
 * Spends 2.4 s of CPU time in four child processes at once (0.6 s each), then returns. Their wall time stays under
 * the old wall-clock cap even on a busy machine, so only counting their CPU time times the case out.
 */
const NODE_BURN = "const s = process.cpuUsage(); for (;;) { const u = process.cpuUsage(s); if (u.user + u.system > 6e5) break; }";
const NODE_FOUR = `const cp = require('child_process'); let left = 4; for (let i = 0; i < 4; i++) cp.spawn(process.execPath, ['-e', ${JSON.stringify(NODE_BURN)}]).on('exit', () => --left || process.exit(0));`;
const CHILD_CPU: Partial<Record<Language, string>> = {
  python: 'import subprocess, sys\ndef solve(a):\n    burn = "import time\\nwhile time.process_time() < 0.6:\\n    pass\\n"\n    children = [subprocess.Popen([sys.executable, "-c", burn]) for _ in range(4)]\n    for c in children:\n        c.wait()\n    return 42\n',
  javascript: `function solve(a) {\n  require('child_process').execFileSync(process.execPath, ['-e', ${JSON.stringify(NODE_FOUR)}]);\n  return 42;\n}\n`,
  typescript: `import { execFileSync } from 'child_process';\nexport function solve(a: number): number {\n  execFileSync(process.execPath, ['-e', ${JSON.stringify(NODE_FOUR)}]);\n  return 42;\n}\n`,
  go: 'import "os/exec"\n\nfunc solve(a interface{}) int {\n\tburn := "import time\\nwhile time.process_time() < 0.6:\\n    pass\\n"\n\tchildren := []*exec.Cmd{}\n\tfor i := 0; i < 4; i++ {\n\t\tc := exec.Command("python3", "-c", burn)\n\t\t_ = c.Start()\n\t\tchildren = append(children, c)\n\t}\n\tfor _, c := range children {\n\t\t_ = c.Wait()\n\t}\n\treturn 42\n}\n',
  java: 'import java.util.*;\n\nclass Solution {\n    public int solve(Object a) throws Exception {\n        String burn = "import time\\nwhile time.process_time() < 0.6:\\n    pass\\n";\n        List<Process> children = new ArrayList<>();\n        for (int i = 0; i < 4; i++) children.add(new ProcessBuilder("python3", "-c", burn).start());\n        for (Process c : children) c.waitFor();\n        return 42;\n    }\n}\n',
  cpp: '#include <sys/wait.h>\n#include <unistd.h>\nclass Solution {\npublic:\n    int solve(int a) {\n        const char* burn = "import time\\nwhile time.process_time() < 0.6:\\n    pass\\n";\n        for (int i = 0; i < 4; i++)\n            if (fork() == 0) {\n                execlp("python3", "python3", "-c", burn, (char*)nullptr);\n                _exit(127);\n            }\n        while (wait(nullptr) > 0) {}\n        return 42;\n    }\n};\n',
};

const HANG: Partial<Record<Language, string>> = {
  python: 'def solve(a):\n    while True:\n        pass\n',
  javascript: 'function solve(a) {\n  for (;;) {}\n}\n',
  typescript: 'export function solve(a: number): number {\n  for (;;) {}\n}\n',
  go: 'func solve(a interface{}) int {\n\tfor {\n\t}\n}\n',
  java: 'class Solution {\n    public int solve(Object a) {\n        for (;;) { }\n    }\n}\n',
  cpp: 'class Solution {\npublic:\n    int solve(int a) {\n        for (volatile long n = 0;; n++) {}\n    }\n};\n',
};

for (const [language, mode] of languagesWith(MEMORY, CHILD_CPU, HANG).flatMap((l) => modesOf(l).map((m) => [l, m] as const))) {
  describe(`runner: limits on the whole process tree (${language}${modeLabel(mode)})`, function () {
    this.timeout(40_000);
    const dir = tempDir();
    afterEach(() => assert.deepEqual(strayProcesses(dir), []));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const outside = { python: 'a raised RLIMIT_AS, a child raising its own', go: 'a raised RLIMIT_AS, a child raising its own', java: 'native memory outside the heap, a child raising its own', cpp: 'a raised RLIMIT_AS, a child raising its own' }[language as string] ?? 'Buffers outside the JS heap, a child process';
    it(`reports memory the runtime does not limit itself as out of memory: ${outside}`, async () => {
      const problem = makeProblem({ limits: { timeMs: 10_000, memoryMb: 64 }, cases: [tc(['raise'], 42), tc(['child'], 42)] });
      const run = await runCode(dir, language, MEMORY[language]!, problem, { mode });
      const [own, child] = run.cases;
      assert.equal(own.verdict, 'memory', JSON.stringify(own));
      assert.match(own.message ?? '', /limit 64 MB/);
      // Without the privilege to raise a hard limit, a Python child keeps the one it inherited: its allocation fails.
      // (Go's, Java's and C++'s fixtures start a Python child.)
      const heldInChild = (language === 'python' || language === 'go' || language === 'java' || language === 'cpp') && child.verdict === 'failed' && /MemoryError/.test(child.output);
      assert.ok(child.verdict === 'memory' || heldInChild, JSON.stringify(child));
    });

    if (language === 'javascript' || language === 'typescript') {
      it('reports a spike of Buffers between two reads of the memory as out of memory, in every case', async () => {
        // 160 MB filled and dropped at once: tens of milliseconds, which a read every 50 ms sees now and then only.
        const spike = language === 'typescript' ? 'export function solve(a: number): number {\n  return Buffer.alloc(160 << 20, 1).length;\n}\n' : 'function solve(a) {\n  return Buffer.alloc(160 << 20, 1).length;\n}\n';
        const problem = makeProblem({ limits: { timeMs: 10_000, memoryMb: 64 }, cases: Array.from({ length: 8 }, (_, i) => tc([i], 42)) });
        const run = await runCode(dir, language, spike, problem, { mode });
        assert.deepEqual(run.cases.map((c) => c.verdict), run.cases.map(() => 'memory'), JSON.stringify(run.cases.map((c) => c.message)));
        assert.match(run.cases[0].message ?? '', /limit 64 MB/);
      });
    }

    it('counts the CPU time of child processes against the time limit', async () => {
      const problem = makeProblem({ limits: { timeMs: 1000, memoryMb: 256 }, cases: [tc([1], 42)] });
      const run = await runCode(dir, language, CHILD_CPU[language]!, problem, { mode });
      assert.equal(run.cases[0].verdict, 'timeout', JSON.stringify(run.cases[0]));
    });

    it('reports a run whose cases all hang within about twice the time limit, the cases after the first as not run', async () => {
      const timeMs = 500;
      const problem = makeProblem({ limits: { timeMs, memoryMb: 128 }, cases: Array.from({ length: 10 }, (_, i) => tc([i], i)) });
      // A compiled language builds first (the build is cached by content): the limit is on running the cases.
      if (languageById(language).build) await runCode(dir, language, HANG[language]!, makeProblem({ cases: [] }));
      const run = await runCode(dir, language, HANG[language]!, problem, { mode });
      // The run's own wall time: a warm process's start before the run is not part of it.
      const wall = run.durationMs;
      assert.equal(run.cases[0].verdict, 'timeout');
      // The cases after it share one more time limit of wall time, plus the start-up this run measured. A case that
      // starts in it and uses its own time limit first times out (a JVM's threads can use CPU time faster than wall
      // time, and the next start may be quicker than the measured one); every case after that is not run.
      const rest = run.cases.slice(1).map((c) => c.verdict);
      const notRunFrom = rest.indexOf('notRun');
      assert.ok(notRunFrom >= 0, JSON.stringify(rest));
      assert.deepEqual(rest.slice(0, notRunFrom), Array(notRunFrom).fill('timeout'));
      assert.deepEqual(rest.slice(notRunFrom), Array(9 - notRunFrom).fill('notRun'));
      assert.match(run.cases[9].message ?? '', /case 0 timed out/);
      assert.equal(run.passed, 0);
      // 2 × timeMs + start-up on an idle machine; 4 × at most on one too busy to give the first case its CPU time.
      // One hanging case after another took 10 × (timeMs + start-up) at least.
      assert.ok(wall < 4 * timeMs + 1500, `${Math.round(wall)} ms for 10 hanging cases of ${timeMs} ms`);
    });
  });
}

/**
 * Once `ready()` holds (polled every `pollMs`), calls `then()` at once and runs `hold` in the check phase of that turn:
 * after its timers, so the parent's next turn runs its timers before it reads the harness's pipe. `held()` says
 * whether it happened.
 */
function holdUpParentWhen(ready: () => boolean, hold: () => void, { pollMs = 5, then }: { pollMs?: number; then?: () => void } = {}): { held: () => boolean; stop: () => void } {
  let held = false;
  const watch = setInterval(() => {
    if (held || !ready()) return;
    held = true;
    then?.();
    setImmediate(hold);
  }, pollMs);
  return { held: () => held, stop: () => clearInterval(watch) };
}

/** Blocks this thread for up to `ms` milliseconds, or until `done()` holds when it is given. */
function block(ms: number, done?: () => boolean): void {
  const until = Date.now() + ms;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  if (!done) Atomics.wait(cell, 0, 0, ms);
  else while (!done() && Date.now() < until) Atomics.wait(cell, 0, 0, 10);
}

describe('runner: the run\'s deadline after a time-out', function () {
  this.timeout(60_000);
  const dir = tempDir();
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports the case running at the deadline as not run, even when its own limit came due in the same turn of a held-up parent', async () => {
    const timeMs = 1000;
    const first = path.join(dir, 'first-hung');
    const second = path.join(dir, 'second-started');
    // The process started after the first time-out loads slowly, so the second case starts well after the deadline
    // was set and well before it passes: its own limit comes due after the deadline.
    const code = [
      'import os, time',
      `if os.path.exists(${JSON.stringify(first)}):`,
      '    time.sleep(0.3)',
      'def solve(a):',
      `    open(${JSON.stringify([first, second])}[a], "w").close()`,
      '    while True:',
      '        pass',
      '',
    ].join('\n');
    // Once the second case runs, the parent's event loop is held up past both: the deadline and the case's own
    // limit are then due in the same turn, the deadline first. (A turn later the parent has read the case's start,
    // which the harness wrote before calling the solution.)
    const parent = holdUpParentWhen(() => fs.existsSync(second), () => block(2 * timeMs + 1500));
    try {
      const run = await runCode(dir, 'python', code, makeProblem({ limits: { timeMs, memoryMb: 128 }, cases: [tc([0], 0), tc([1], 1)] }));
      assert.ok(parent.held(), 'the parent was held up during the second case');
      assert.equal(run.cases[0].verdict, 'timeout');
      assert.equal(run.cases[1].verdict, 'notRun', run.cases[1].message);
      assert.match(run.cases[1].message ?? '', /case 0 timed out/);
    } finally {
      parent.stop();
    }
  });
});

describe('runner: memory past the limit while the parent was held up', function () {
  this.timeout(60_000);
  const dir = tempDir();
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is the started case\'s out-of-memory, though its start was still in the pipe behind the memory reading', async () => {
    const loading = path.join(dir, 'loading');
    const go = path.join(dir, 'go');
    const allocated = path.join(dir, 'allocated');
    // The solution's top-level code waits for the test, which then holds the parent's event loop up while the harness
    // says it loaded, starts the case and fills 300 MB in six children (each within the address-space limit they
    // inherit): the next turn reads the memory (a timer) before the pipe.
    const child = 'import sys, time\nkeep = b"x" * (50 << 20)\nopen(sys.argv[1], \'w\').close()\ntime.sleep(30)\n';
    const code = [
      'import os, subprocess, sys, time',
      `open(${JSON.stringify(loading)}, "w").close()`,
      `while not os.path.exists(${JSON.stringify(go)}):`,
      '    time.sleep(0.005)',
      'def solve(a):',
      `    marks = [${JSON.stringify(allocated)} + str(i) for i in range(6)]`,
      `    children = [subprocess.Popen([sys.executable, "-c", ${JSON.stringify(child)}, m]) for m in marks]`,
      '    while not all(os.path.exists(m) for m in marks):',
      '        time.sleep(0.01)',
      `    open(${JSON.stringify(allocated)}, "w").close()`,
      '    time.sleep(30)',
      '    return len(children)',
      '',
    ].join('\n');
    // Held after the turn's timers: the next turn starts with the timers, the memory reading among them, and reads
    // the pipe after them. The solution goes on in the turn the hold starts.
    const parent = holdUpParentWhen(
      () => fs.existsSync(loading),
      () => block(20_000, () => fs.existsSync(allocated)),
      { pollMs: 2, then: () => fs.writeFileSync(go, '') },
    );
    try {
      const run = await runCode(dir, 'python', code, makeProblem({ limits: { timeMs: 10_000, memoryMb: 64 }, cases: [tc([0], 0), tc([1], 0)] }));
      assert.ok(parent.held() && fs.existsSync(allocated), `the parent was held up while the case filled its memory: ${JSON.stringify(run.cases[0])}`);
      assert.equal(run.error, undefined, run.error?.message);
      assert.equal(run.cases[0].verdict, 'memory', JSON.stringify(run.cases[0]));
      assert.match(run.cases[0].message ?? '', /limit 64 MB/);
    } finally {
      parent.stop();
    }
  });
});

describe('runner: the time limit is on CPU time', function () {
  this.timeout(60_000);
  const dir = tempDir();
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lets a case wait past its limit while it uses little CPU time, and still stops it at three times the limit in wall time', async () => {
    const timeMs = 400;
    // The waiting cases come after a quick one: the first case's start-up allowance plays no part.
    const code = 'import time\ndef solve(a):\n    time.sleep(a)\n    return 1\n';
    const problem = makeProblem({ limits: { timeMs, memoryMb: 128 }, cases: [tc([0], 1), tc([0.6], 1), tc([3], 1)] });
    const run = await runCode(dir, 'python', code, problem);
    assert.deepEqual(run.cases.map((c) => c.verdict), ['passed', 'passed', 'timeout'], JSON.stringify(run.cases.map((c) => c.message)));
    assert.ok(run.cases[2].durationMs < 3 * timeMs + 1000, `the case waiting 3 s was stopped after ${Math.round(run.cases[2].durationMs)} ms`);
  });

  it('stops a case whose processes use several cores once their CPU time reaches the limit, not a limit of wall time later', async () => {
    const timeMs = 800;
    const cpuDir = fs.mkdtempSync(path.join(dir, 'cpu-'));
    // Four children burn CPU for ever, each writing down its own CPU time every few milliseconds. On two idle cores
    // they use two seconds of it per second: read only when the case's timer comes due, they had used twice the limit.
    const burn = 'import sys, time\\nlast = 0\\nwhile True:\\n    t = time.process_time()\\n    if t - last > 0.005:\\n        with open(sys.argv[1], \'w\') as f:\\n            f.write(repr(t))\\n        last = t\\n';
    const code = [
      'import os, subprocess, sys',
      'def solve(a):',
      '    if a == 0:',
      '        return 1',
      `    children = [subprocess.Popen([sys.executable, "-c", "${burn}", os.path.join(${JSON.stringify(cpuDir)}, str(i))]) for i in range(4)]`,
      '    for c in children:',
      '        c.wait()',
      '    return 1',
      '',
    ].join('\n');
    // The burning case comes after a quick one: the first case's start-up allowance plays no part.
    const problem = makeProblem({ limits: { timeMs, memoryMb: 256 }, cases: [tc([0], 1), tc([1], 1)] });
    const run = await runCode(dir, 'python', code, problem);
    assert.deepEqual(run.cases.map((c) => c.verdict), ['passed', 'timeout'], JSON.stringify(run.cases.map((c) => c.message)));
    const used = fs.readdirSync(cpuDir).reduce((sum, f) => sum + Number(fs.readFileSync(path.join(cpuDir, f), 'utf8') || 0) * 1000, 0);
    // The tree is read every 50 ms (and searched for new processes every 250 ms): at most a few reads late, on cores
    // that are not busier than two.
    assert.ok(used < 1.5 * timeMs, `the children used ${Math.round(used)} ms of CPU time under a limit of ${timeMs} ms`);
  });
});
