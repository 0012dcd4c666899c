import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** scripts/lib/steps.sh and scripts/lib/reaper.py, from out/test/unit/testing/. */
const STEPS = path.resolve(__dirname, '..', '..', '..', '..', 'scripts', 'lib', 'steps.sh');
const REAPER = path.resolve(__dirname, '..', '..', '..', '..', 'scripts', 'lib', 'reaper.py');

/** A Node process that keeps the processor busy for `ms` milliseconds of its own processor time. */
const burn = (ms: number): string => `${JSON.stringify(process.execPath)} -e ${JSON.stringify(`const t = process.cpuUsage(); while ((process.cpuUsage(t).user + process.cpuUsage(t).system) / 1000 < ${ms});`)}`;

interface Times {
  totalSeconds: number;
  machineBusySeconds: number | null;
  cores: number | null;
  steps: { step: string; ok: boolean; seconds: number; cpuSeconds: number; beside: string | null }[];
}

/** Runs `script` in bash with steps.sh sourced and STEPS_DIR set; returns the recorded times and summary lines. */
function runSteps(script: string): { times: Times; summary: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-steps-test-'));
  try {
    const r = spawnSync('bash', ['-c', `STEPS_DIR=${JSON.stringify(dir)}; source ${JSON.stringify(STEPS)}\n${script}`], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return { times: JSON.parse(fs.readFileSync(path.join(dir, 'times.json'), 'utf8')) as Times, summary: r.stdout };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// npm test's summary gives each step's processor seconds beside its wall time, and the machine's busy time: on a
// machine whose processor is the limit, that is where the time goes.
describe('the test suite\'s steps (scripts/lib/steps.sh)', function () {
  this.timeout(60_000);

  it('records the processor time of a step\'s processes, its children\'s children included, and none for a step that waits', () => {
    const { times, summary } = runSteps(`
      step busy ${burn(1200)} >/dev/null
      step waits sleep 0.3 >/dev/null
      # In a lane (a subshell), through a pipeline and a shell of its own: the grandchild's time counts.
      ( LANE_NOTE='  (beside)'; step nested bash -c ${JSON.stringify(`${burn(700)} | cat`)} >/dev/null )
      write_times "$STEPS_DIR/times.json" 4 17 busy waits nested
      print_summary busy waits nested
    `);
    const by = Object.fromEntries(times.steps.map((s) => [s.step, s]));
    assert.ok(by.busy.cpuSeconds >= 1 && by.busy.cpuSeconds <= 3, JSON.stringify(by.busy));
    assert.equal(by.waits.cpuSeconds, 0, JSON.stringify(by.waits));
    assert.ok(by.nested.cpuSeconds >= 1 && by.nested.cpuSeconds <= 2, JSON.stringify(by.nested));
    assert.equal(by.nested.beside, 'integration');
    assert.equal(times.machineBusySeconds, 17);
    assert.equal(times.cores, os.cpus().length);
    assert.match(summary, /busy\s+ok\s+\d+s\s+[123] cpu-s/);
  });

  it('reads the machine\'s busy time, and writes null for it when it is not known', () => {
    const { times, summary } = runSteps(`
      a=""; b=""
      a=$(machine_busy_ms)
      ${burn(600)}
      b=$(machine_busy_ms)
      echo "delta $((b - a))"
      step quick true >/dev/null
      write_times "$STEPS_DIR/times.json" 1 "" quick
    `);
    const delta = Number(/delta (-?\d+)/.exec(summary)?.[1]);
    // At least the burning process's own processor time passed on the machine meanwhile (clock ticks: a margin).
    assert.ok(delta >= 500, summary);
    assert.equal(times.machineBusySeconds, null);
  });

  it('counts, under reaper.py, the processor time of a process whose parent ended before it', () => {
    // The burning process's parent (a subshell) ends at once: the system's first process would inherit it.
    const orphan = `bash -c ${JSON.stringify(`( ${burn(800)} & ); exit 0`)}`;
    const { times } = runSteps(`
      step plain ${orphan} >/dev/null
      # However long a busy machine takes to give it its processor time: the reaper waits for it to end.
      DRILLS_REAPER_WAIT_S=120 step reaped python3 ${JSON.stringify(REAPER)} ${orphan} >/dev/null
      write_times "$STEPS_DIR/times.json" 4 "" plain reaped
    `);
    const by = Object.fromEntries(times.steps.map((s) => [s.step, s]));
    assert.equal(by.plain.cpuSeconds, 0, JSON.stringify(by.plain));
    assert.ok(by.reaped.cpuSeconds >= 1 && by.reaped.cpuSeconds <= 2, JSON.stringify(by.reaped));
  });

  it('counts a lane\'s processor time in its own steps, not in the step that ran while the lane ended', () => {
    const { times } = runSteps(`
      busy_lane() { step laned ${burn(1200)} >/dev/null; }
      lane_start side busy_lane
      # Until bash has collected the ended lane (it does while waiting for this step's command): it is then one of the
      # shell's children whose processor time counts.
      step meanwhile bash -c "while [ -e /proc/$(cat "$STEPS_DIR/side.pid") ]; do sleep 0.05; done"
      lane_wait side >/dev/null
      step after true
      write_times "$STEPS_DIR/times.json" 4 "" laned meanwhile after
    `);
    const by = Object.fromEntries(times.steps.map((s) => [s.step, s]));
    assert.ok(by.laned.cpuSeconds >= 1 && by.laned.cpuSeconds <= 3, JSON.stringify(by.laned));
    assert.equal(by.laned.beside, 'integration');
    assert.equal(by.meanwhile.cpuSeconds, 0, JSON.stringify(by.meanwhile));
    assert.equal(by.after.cpuSeconds, 0, JSON.stringify(by.after));
  });

  it('gives work that either lane may do to the first lane that claims it, and to no other', () => {
    const { summary } = runSteps(`
      for lane in 1 2 3 4; do ( claim pack-check && echo "lane $lane took it" ) & done
      wait
      claim pack-check || echo "taken already"
      claim static && echo "static is free"
      step quick true >/dev/null
      write_times "$STEPS_DIR/times.json" 1 "" quick
    `);
    assert.equal(summary.match(/took it/g)?.length, 1, summary);
    assert.match(summary, /taken already/);
    assert.match(summary, /static is free/);
  });

  it('passes the command\'s status on, and names a process still running a moment after the command ended', () => {
    const status = (script: string) => spawnSync('python3', [REAPER, 'bash', '-c', script], { encoding: 'utf8', env: { ...process.env, DRILLS_REAPER_WAIT_S: '0.5' } });
    assert.equal(status('exit 3').status, 3);
    assert.equal(status('kill -TERM $$').status, 128 + 15);
    assert.equal(status('exit 0').status, 0);
    const started = Date.now();
    const left = status('( exec sleep 30 </dev/null >/dev/null 2>&1 & ); exit 0');
    try {
      assert.equal(left.status, 0);
      assert.match(left.stderr, /reaper: still running after bash ended: \d+ sleep 30/);
      assert.ok(Date.now() - started < 15_000, 'the reaper did not wait for the process left running');
    } finally {
      const pid = /ended: (\d+) /.exec(left.stderr)?.[1];
      if (pid) process.kill(Number(pid), 'SIGKILL');
    }
  });
});
