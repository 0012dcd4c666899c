import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { endAllRuns, pendingCleanups } from '../../../src/core/runner/cleanup';
import { HAS_PROC, ProcessTree, RUN_MARKER_VAR, inWindow, newRunMarker, pidMark, pidsSince } from '../../../src/core/runner/processTree';
import type { Language } from '../../../src/core/pack/types';
import { isAlive, languagesWith, makeProblem, modeLabel, modesOf, runCode, tc, tempDir } from './helpers';
import { pidFrom, strayProcesses } from './processes';

/** Starts a daemon that leaves the harness's session and process group and writes its pid to `pidfile`. */
const DAEMON: Partial<Record<Language, string>> = {
  // A classic double fork: the grandchild is re-parented to init, in a session of its own. `quiet` closes the
  // pipes it inherited; otherwise it holds them open.
  python: `import os, time
def solve(pidfile, quiet):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            if quiet:
                os.close(1)
                os.close(2)
            with open(pidfile + ".tmp", "w") as f:
                f.write(str(os.getpid()))
            os.rename(pidfile + ".tmp", pidfile)
            time.sleep(600)
        os._exit(0)
    while not os.path.exists(pidfile):
        time.sleep(0.01)
    return 42
`,
  javascript: `const { spawn } = require('child_process');
const fs = require('fs');
function solve(pidfile, quiet) {
  const code = 'require("fs").writeFileSync(' + JSON.stringify(pidfile + '.tmp') + ', String(process.pid)); require("fs").renameSync(' + JSON.stringify(pidfile + '.tmp') + ', ' + JSON.stringify(pidfile) + '); setInterval(() => {}, 1000);';
  spawn(process.execPath, ['-e', code], { detached: true, stdio: quiet ? 'ignore' : 'inherit' }).unref();
  while (!fs.existsSync(pidfile)) {}
  return 42;
}
`,
  typescript: `import { spawn } from 'child_process';
import * as fs from 'fs';
export function solve(pidfile: string, quiet: boolean): number {
  const code = 'require("fs").writeFileSync(' + JSON.stringify(pidfile + '.tmp') + ', String(process.pid)); require("fs").renameSync(' + JSON.stringify(pidfile + '.tmp') + ', ' + JSON.stringify(pidfile) + '); setInterval(() => {}, 1000);';
  spawn(process.execPath, ['-e', code], { detached: true, stdio: quiet ? 'ignore' : 'inherit' }).unref();
  while (!fs.existsSync(pidfile)) {}
  return 42;
}
`,
  go: `package main

import (
	"os"
	"os/exec"
	"syscall"
	"time"
)

func solve(pidfile string, quiet bool) int {
	cmd := exec.Command("sh", "-c", \`echo $$ > "$1.tmp" && mv "$1.tmp" "$1" && exec sleep 600\`, "sh", pidfile)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if !quiet {
		// The harness's own stdout and stderr pipes, which the daemon then holds open.
		fd, _ := syscall.Dup(1)
		pipe := os.NewFile(uintptr(fd), "pipe")
		cmd.Stdout, cmd.Stderr = pipe, pipe
	}
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	for {
		if _, err := os.Stat(pidfile); err == nil {
			return 42
		}
		time.Sleep(10 * time.Millisecond)
	}
}
`,
  // setsid(1): a JVM cannot leave its session itself. Not quiet, the daemon holds the JVM's own stdout and stderr.
  java: `import java.nio.file.*;

class Solution {
    public int solve(String pidfile, boolean quiet) throws Exception {
        ProcessBuilder daemon = new ProcessBuilder("setsid", "sh", "-c", "echo $$ > \\"$1.tmp\\" && mv \\"$1.tmp\\" \\"$1\\" && exec sleep 600", "sh", pidfile);
        if (quiet) daemon.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        else daemon.inheritIO();
        daemon.start();
        while (!Files.exists(Paths.get(pidfile))) Thread.sleep(10);
        return 42;
    }
}
`,
  // The double fork again; the grandchild uses system calls only (no allocation after fork).
  cpp: `#include <fcntl.h>
#include <unistd.h>
class Solution {
public:
    int solve(string pidfile, bool quiet) {
        string tmp = pidfile + ".tmp";
        if (fork() == 0) {
            setsid();
            if (fork() == 0) {
                if (quiet) {
                    close(1);
                    close(2);
                }
                char digits[32];
                int n = snprintf(digits, sizeof digits, "%d", (int)getpid());
                int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
                if (write(fd, digits, n) != n) _exit(1);
                close(fd);
                rename(tmp.c_str(), pidfile.c_str());
                sleep(600);
            }
            _exit(0);
        }
        while (access(pidfile.c_str(), F_OK) != 0) usleep(10000);
        return 42;
    }
};
`,
};

/** Kills its own process with SIGKILL on `kill`, returns its argument otherwise. */
const SELF_KILL: Partial<Record<Language, string>> = {
  python: 'import os, signal\ndef solve(mode, _=None):\n    if mode == "kill":\n        os.kill(os.getpid(), signal.SIGKILL)\n    return 42\n',
  javascript: "function solve(mode) {\n  if (mode === 'kill') process.kill(process.pid, 'SIGKILL');\n  return 42;\n}\n",
  typescript: "export function solve(mode: string): number {\n  if (mode === 'kill') process.kill(process.pid, 'SIGKILL');\n  return 42;\n}\n",
  go: 'import (\n\t"os"\n\t"syscall"\n)\n\nfunc solve(mode string, _ interface{}) int {\n\tif mode == "kill" {\n\t\t_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)\n\t}\n\treturn 42\n}\n',
  // A JVM cannot signal itself (destroyForcibly refuses the current process): kill(1) does.
  java: 'class Solution {\n    public int solve(String mode, Object unused) throws Exception {\n        if (mode.equals("kill")) {\n            new ProcessBuilder("kill", "-KILL", String.valueOf(ProcessHandle.current().pid())).start().waitFor();\n            for (;;) Thread.sleep(1000);\n        }\n        return 42;\n    }\n}\n',
  cpp: '#include <csignal>\n#include <unistd.h>\nclass Solution {\npublic:\n    int solve(string mode, string) {\n        if (mode == "kill") kill(getpid(), SIGKILL);\n        return 42;\n    }\n};\n',
};

/** Writes its pid to `pidfile` and loops forever. */
const HANG: Partial<Record<Language, string>> = {
  python: 'import os\ndef solve(pidfile, _=None):\n    with open(pidfile + ".tmp", "w") as f:\n        f.write(str(os.getpid()))\n    os.rename(pidfile + ".tmp", pidfile)\n    while True:\n        pass\n',
  javascript: "const fs = require('fs');\nfunction solve(pidfile) {\n  fs.writeFileSync(pidfile + '.tmp', String(process.pid));\n  fs.renameSync(pidfile + '.tmp', pidfile);\n  for (;;) {}\n}\n",
  typescript: "import * as fs from 'fs';\nexport function solve(pidfile: string): number {\n  fs.writeFileSync(pidfile + '.tmp', String(process.pid));\n  fs.renameSync(pidfile + '.tmp', pidfile);\n  for (;;) {}\n}\n",
  go: 'import (\n\t"os"\n\t"strconv"\n)\n\nfunc solve(pidfile string, _ interface{}) int {\n\t_ = os.WriteFile(pidfile+".tmp", []byte(strconv.Itoa(os.Getpid())), 0o600)\n\t_ = os.Rename(pidfile+".tmp", pidfile)\n\tfor {\n\t}\n}\n',
  java: 'import java.nio.file.*;\n\nclass Solution {\n    public int solve(String pidfile, Object unused) throws Exception {\n        Files.writeString(Paths.get(pidfile + ".tmp"), String.valueOf(ProcessHandle.current().pid()));\n        Files.move(Paths.get(pidfile + ".tmp"), Paths.get(pidfile));\n        for (;;) { }\n    }\n}\n',
  cpp: '#include <unistd.h>\nclass Solution {\npublic:\n    int solve(string pidfile, string) {\n        { ofstream f(pidfile + ".tmp"); f << getpid(); }\n        rename((pidfile + ".tmp").c_str(), pidfile.c_str());\n        for (volatile long n = 0;; n++) {}\n    }\n};\n',
};

const twoArgs = { name: 'solve', params: [{ name: 'a', type: 'any' }, { name: 'b', type: 'any' }], returns: 'int' };

for (const [language, mode] of languagesWith(DAEMON, SELF_KILL, HANG).flatMap((l) => modesOf(l).map((m) => [l, m] as const))) {
  describe(`runner: processes the solution starts (${language}${modeLabel(mode)})`, function () {
    this.timeout(30_000);
    const dir = tempDir();
    afterEach(async () => {
      // Whatever a test started is gone once its run returned: no process of these runs is left behind.
      assert.deepEqual(strayProcesses(dir), []);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('kills a daemon that left the session and process group, without waiting for the pipes it holds', async () => {
      const holder = path.join(dir, `holder-${language}.pid`);
      const quiet = path.join(dir, `quiet-${language}.pid`);
      const problem = makeProblem({ function: twoArgs, limits: { timeMs: 5000, memoryMb: 128 }, cases: [tc([holder, false], 42), tc([quiet, true], 42), tc(['x', false], 43)] });
      const run = await runCode(dir, language, DAEMON[language]!, problem, { mode });
      assert.equal(run.error, undefined, run.error?.message);
      assert.deepEqual(run.cases.map((c) => c.verdict), ['passed', 'passed', 'failed'], JSON.stringify(run.cases.map((c) => c.message)));
      for (const file of [holder, quiet]) {
        const pid = await pidFrom(file);
        assert.equal(isAlive(pid), false, `${path.basename(file)}: process ${pid} still runs`);
      }
    });

    it('reports a SIGKILL the solution sent itself as an error, not as running out of memory', async () => {
      const problem = makeProblem({ function: twoArgs, cases: [tc(['kill', ''], 42), tc(['ok', ''], 42)] });
      const run = await runCode(dir, language, SELF_KILL[language]!, problem, { mode });
      assert.equal(run.cases[0].verdict, 'error', JSON.stringify(run.cases[0]));
      assert.match(run.cases[0].message ?? '', /SIGKILL \(not by the judge\)/);
      assert.equal(run.cases[1].verdict, 'passed');
    });

    it('ends a run in progress, its processes and its temporary files, when every run is ended (a signal, the editor closing)', async () => {
      const pidfile = path.join(dir, `hang-${language}.pid`);
      const tmp = path.join(dir, `tmp-${language}`);
      fs.mkdirSync(tmp);
      const problem = makeProblem({ function: twoArgs, limits: { timeMs: 20_000, memoryMb: 128 }, cases: [tc([pidfile, ''], 42), tc(['x', ''], 42)] });
      const running = runCode(dir, language, HANG[language]!, problem, { mode, env: { tmpDir: tmp } });
      const pid = await pidFrom(pidfile);
      assert.ok(pendingCleanups() > 0);
      endAllRuns();
      const run = await running;
      assert.equal(isAlive(pid), false, `harness ${pid} still runs`);
      assert.deepEqual(run.cases.map((c) => c.verdict), ['notRun', 'notRun']);
      assert.deepEqual(fs.readdirSync(tmp), []);
      assert.equal(pendingCleanups(), 0);
    });
  });
}

describe('runner: a scan reads only the pids given out since the harness started', function () {
  this.timeout(30_000);
  const pids = { lastPid: 1000, pidMax: 32768 };

  it('takes the pids after the mark up to the last one given out, wrapping at pid_max', () => {
    const since = pidsSince({ lastPid: 1000, forks: 50, tasks: 400 }, { ...pids, lastPid: 1200, forks: 300 });
    assert.ok(since);
    assert.deepEqual([999, 1000, 1001, 1200, 1201].map((pid) => inWindow(since, pid)), [false, false, true, true, false]);
    const wrapped = pidsSince({ lastPid: 32000, forks: 50, tasks: 400 }, { ...pids, lastPid: 500, forks: 1500 });
    assert.ok(wrapped);
    assert.deepEqual([31999, 32000, 32001, 32767, 300, 500, 501, 20000].map((pid) => inWindow(wrapped, pid)), [false, false, true, true, true, true, false, false]);
  });

  it('reads every pid when the pids may have gone round since the mark, or the fork counter went back', () => {
    // (32768 - 300 - 400) / 2 = 16034 forks can never go round; one more might (with 400 pids in use skipped).
    assert.ok(pidsSince({ lastPid: 1000, forks: 0, tasks: 400 }, { ...pids, forks: 16033 }));
    assert.equal(pidsSince({ lastPid: 1000, forks: 0, tasks: 400 }, { ...pids, forks: 16034 }), undefined);
    assert.equal(pidsSince({ lastPid: 1000, forks: 500, tasks: 400 }, { ...pids, forks: 499 }), undefined);
  });

  (HAS_PROC ? it : it.skip)('finds and kills a process that left the session with a mark taken before the start, and trusts a mark only while the pids cannot have gone round and the harness came after it', async () => {
    const dir = tempDir();
    const started: number[] = [];
    try {
      const pidfile = path.join(dir, 'daemon.pid');
      const marker = newRunMarker();
      const before = pidMark();
      assert.ok(before, 'no pid counters in /proc');
      // The root waits; the daemon leaves its session (setsid -f forks), so only the marker ties it to the root.
      const root = spawn('sh', ['-c', 'setsid -f sh -c \'echo $$ > "$1.tmp" && mv "$1.tmp" "$1" && exec sleep 600\' sh "$1"; exec sleep 600', 'sh', pidfile], {
        detached: true,
        stdio: 'ignore',
        env: { ...process.env, [RUN_MARKER_VAR]: marker },
      });
      started.push(root.pid!);
      const daemon = await pidFrom(pidfile);
      started.push(daemon);
      const after = pidMark();
      assert.ok(after);
      // A mark taken after both started says the harness came before it, which cannot be: the scan reads every pid.
      assert.deepEqual(new ProcessTree(root.pid!, marker, after).usage()?.processes, 2);
      // The same mark with the fork counter far behind: the pids may have gone round, so the scan reads them all.
      assert.deepEqual(new ProcessTree(root.pid!, marker, { ...after, forks: after.forks - 40000 }).usage()?.processes, 2);
      const tree = new ProcessTree(root.pid!, marker, before);
      assert.equal(tree.usage()?.processes, 2);
      tree.kill();
      assert.equal(isAlive(daemon), false, `the daemon ${daemon} still runs`);
      assert.equal(isAlive(root.pid!), false);
    } finally {
      // Whatever an assertion left running ends here (the root would keep the test process alive).
      for (const pid of started) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Gone already.
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // A window of a few pids is read pid by pid, without a listing of /proc: the ids of the process's threads are among
  // them, and each reads as the whole process (its stat is its group's).
  (HAS_PROC ? it : it.skip)('counts a process with threads once when the pids since the mark are read one by one', async function () {
    // The interpreter itself, not a shim that starts it through a shell: the window then holds its pid and its threads.
    const python = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout?.trim();
    if (!python) this.skip();
    const dir = tempDir();
    try {
      const lastPid = (): number => Number(fs.readFileSync('/proc/sys/kernel/ns_last_pid', 'utf8'));
      const code = 'import os, sys, threading, time\nfor _ in range(3):\n    threading.Thread(target=time.sleep, args=(600,), daemon=True).start()\nopen(sys.argv[1] + ".tmp", "w").write(str(os.getpid()))\nos.rename(sys.argv[1] + ".tmp", sys.argv[1])\ntime.sleep(600)\n';
      // Other processes of the machine take pids too: tried until a window is small enough to be read pid by pid.
      for (let attempt = 0; attempt < 10; attempt++) {
        const pidfile = path.join(dir, `threads-${attempt}.pid`);
        const marker = newRunMarker();
        const mark = pidMark();
        assert.ok(mark);
        const child = spawn(python!, ['-c', code, pidfile], { detached: true, stdio: 'ignore', env: { ...process.env, [RUN_MARKER_VAR]: marker } });
        await pidFrom(pidfile);
        const tree = new ProcessTree(child.pid!, marker, mark);
        const small = lastPid() - mark.lastPid <= 8;
        const usage = tree.usage();
        tree.kill();
        if (!small) continue;
        assert.equal(usage?.processes, 1, `the threads counted as processes: ${JSON.stringify(usage)}`);
        return;
      }
      this.skip();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
