import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Language } from '../../../src/core/pack/types';
import { languagesWith, makeProblem, runCode, tc, tempDir } from './helpers';

/** A busy case stops after this many times its length of wall time, whatever CPU time it got by then. */
const WALL_FACTOR = 20;

/** The JavaScript and TypeScript body of `work`. */
const NODE_BODY = `  if (sleep) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    return 0;
  }
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const cpu0 = cpu();
  const wall0 = performance.now();
  while (cpu() - cpu0 < ms && performance.now() - wall0 < ${WALL_FACTOR} * ms) {}
  return 0;
`;

/**
 * `work(ms, sleep)`: with sleep 0, keeps the processor busy until the process has used `ms` of CPU time (or, on a
 * machine so busy that it gets under 1/WALL_FACTOR of a core, for WALL_FACTOR × `ms` of wall time); with sleep 1,
 * sleeps `ms`. Returns 0 either way. By CPU time, not wall time: on a loaded machine a loop of 300 ms of wall time
 * once got 3 ms of CPU.
 */
const WORK: Record<Language, string> = {
  python: `import time
def work(ms, sleep):
    if sleep:
        time.sleep(ms / 1000)
        return 0
    cpu0 = time.process_time()
    wall0 = time.perf_counter()
    while time.process_time() - cpu0 < ms / 1000 and time.perf_counter() - wall0 < ${WALL_FACTOR} * ms / 1000:
        pass
    return 0
`,
  javascript: `function work(ms, sleep) {\n${NODE_BODY}}\nmodule.exports = { work };\n`,
  typescript: `export function work(ms: number, sleep: number): number {\n${NODE_BODY}}\n`,
  java: `import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

class Solution {
    public int work(int ms, int sleep) throws InterruptedException {
        if (sleep == 1) {
            Thread.sleep(ms);
            return 0;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        while (threads.getCurrentThreadCpuTime() - cpu0 < ms * 1_000_000L && System.nanoTime() - wall0 < ${WALL_FACTOR} * ms * 1_000_000L) {}
        return 0;
    }
}
`,
  cpp: `#include <chrono>
#include <ctime>
#include <thread>
class Solution {
public:
    int work(int ms, int sleep) {
        if (sleep) {
            std::this_thread::sleep_for(std::chrono::milliseconds(ms));
            return 0;
        }
        std::clock_t cpu0 = std::clock();
        auto wall0 = std::chrono::steady_clock::now();
        while ((std::clock() - cpu0) * 1000.0 / CLOCKS_PER_SEC < ms && std::chrono::steady_clock::now() - wall0 < ${WALL_FACTOR} * std::chrono::milliseconds(ms)) {}
        return 0;
    }
};
`,
  go: `import (
	"syscall"
	"time"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func work(ms int, sleep int) int {
	if sleep == 1 {
		time.Sleep(time.Duration(ms) * time.Millisecond)
		return 0
	}
	limit := time.Duration(ms) * time.Millisecond
	cpu0 := cpuTime()
	wall0 := time.Now()
	for cpuTime()-cpu0 < limit && time.Since(wall0) < ${WALL_FACTOR}*limit {
	}
	return 0
}
`,
};

const problem = (cases: ReturnType<typeof tc>[]) =>
  makeProblem({
    function: { name: 'work', params: [{ name: 'ms', type: 'int' }, { name: 'sleep', type: 'int' }], returns: 'int' },
    cases,
    limits: { timeMs: 5000, memoryMb: 256 },
  });

/** A case's time as complexity measurement reads it: its CPU time where the harness measures one. */
const caseMs = (c: { cpuMs?: number; durationMs: number }): number => c.cpuMs ?? c.durationMs;

for (const language of languagesWith(WORK)) {
  describe(`runner: each case's own time (${language})`, function () {
    this.timeout(120_000);
    let dir: string;
    beforeEach(() => (dir = tempDir()));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('is the CPU time the case took, not the time it slept', async () => {
      const run = await runCode(dir, language, WORK[language], problem([tc([300, 1], 0), tc([300, 0], 0)]));
      assert.deepEqual(run.cases.map((c) => c.verdict), ['passed', 'passed'], JSON.stringify(run.error ?? run.cases));
      const [slept, busy] = run.cases;
      assert.ok(caseMs(slept) < 100, `a case that slept 300 ms was charged ${caseMs(slept)} ms`);
      // Busy for 300 ms of CPU time (or, starved, 6 s of wall time with at least a tenth of that on the processor).
      assert.ok(caseMs(busy) > 30, `a case busy for 300 ms was charged ${caseMs(busy)} ms`);
    });

    it('is precise to well under a millisecond: a case busy for 1 ms never reads as 0 (a clock that moves only at the scheduler tick would)', async () => {
      const cases = Array.from({ length: 24 }, () => tc([1, 0], 0));
      const run = await runCode(dir, language, WORK[language], problem(cases));
      assert.ok(run.cases.every((c) => c.verdict === 'passed'), JSON.stringify(run.error ?? run.cases.find((c) => c.verdict !== 'passed')));
      const times = run.cases.map(caseMs);
      const zero = times.filter((ms) => ms < 0.01).length;
      // A 4 ms tick would read about three in four of these as 0.
      assert.ok(zero <= 4, `${zero} of 24 cases busy for 1 ms read as 0 ms: ${times.map((t) => t.toFixed(2)).join(', ')}`);
    });
  });
}
