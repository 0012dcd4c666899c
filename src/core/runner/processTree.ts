import * as crypto from 'node:crypto';
import * as fs from 'node:fs';

/**
 * Every process a solution starts, found through /proc (Linux): the harness's session and process group, their
 * children's children, and processes that detached (setsid, a double fork, `detached: true`) but still carry the
 * run's marker in their environment, inherited through fork and exec. Where /proc is missing (macOS, Windows) only
 * the harness's process group is known; docs/judge.md says what is then not enforced.
 */

/** The environment variable that marks every process of one harness (its value is random per harness). */
export const RUN_MARKER_VAR = 'DRILLS_RUN';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ: 100 on Linux for every architecture in use
const PAGE_SIZE = 4096;
/** A kill sweep stops after this many rounds: each round kills what it found, so a fork loop runs out fast. */
const MAX_SWEEPS = 50;
/** How long `kill` waits, at most, for processes it SIGKILLed to be gone once nothing new appears. */
const KILLED_WAIT_MS = 2000;
/** A synchronous 1 ms pause (kill runs from signal handlers and on exit, where nothing can be awaited). */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** Whether processes can be read from /proc here. */
export const HAS_PROC = ((): boolean => {
  try {
    return fs.statSync('/proc/self/stat').isFile();
  } catch {
    return false;
  }
})();

/**
 * One buffer for every read of a stat file (a few hundred bytes): open, one read, close is a third of what
 * `readFileSync` costs (no fstat, no second read to find the end, no allocation), and a scan can read every process.
 */
const statBuffer = Buffer.allocUnsafe(4096);

/**
 * What the kernel says about the pids it has given out, read before a harness starts: every process the harness starts
 * gets a pid after `lastPid` (pids are given out in turn and wrap around at pid_max), so a scan needs to read only
 * those, as long as the pids cannot have gone round the whole range since. `forks` (every fork and thread the system
 * made) and `tasks` (the pids in use) bound that.
 */
export interface PidMark {
  lastPid: number;
  forks: number;
  tasks: number;
}

/** Reads a small /proc file whole (a system call per page: /proc/stat can be tens of kB on a large machine). */
function readProcFile(file: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    let text = '';
    for (;;) {
      const n = fs.readSync(fd, statBuffer, 0, statBuffer.length, null);
      if (n <= 0) return text;
      text += statBuffer.toString('latin1', 0, n);
    }
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** A positive integer read from a /proc file; undefined where /proc cannot say. */
function readProcNumber(file: string): number | undefined {
  const n = Number(readProcFile(file));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The last pid given out in this process's pid namespace. */
const readLastPid = (): number | undefined => readProcNumber('/proc/sys/kernel/ns_last_pid');

/** Forks since boot, from /proc/stat's `processes` line. */
function readForks(): number | undefined {
  const m = /^processes (\d+)$/m.exec(readProcFile('/proc/stat') ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * Whether /proc shows this process's own pid namespace (a pid read there is a pid this process can signal): a /proc
 * of another namespace leaves every scan a full one.
 */
const PROC_IS_OURS = ((): boolean => {
  try {
    return HAS_PROC && fs.readlinkSync('/proc/self') === String(process.pid);
  } catch {
    return false;
  }
})();

/** The kernel's pid counters now; undefined without a /proc of this pid namespace. */
export function pidMark(): PidMark | undefined {
  if (!PROC_IS_OURS) return undefined;
  const lastPid = readLastPid();
  const forks = readForks();
  // /proc/loadavg's fourth field is running/total tasks: every pid in use but a reaped one's.
  const tasks = Number(/^\S+ \S+ \S+ \d+\/(\d+) /.exec(readProcFile('/proc/loadavg') ?? '')?.[1]);
  if (lastPid === undefined || forks === undefined || !Number.isInteger(tasks)) return undefined;
  return { lastPid, forks, tasks };
}

/**
 * Which pids can be a process started after `mark`: undefined (any pid) when the pids may have gone round since.
 * Pids are given out in turn from the last one, skipping those in use, and wrap at pid_max. A full round back to the
 * mark would take pid_max pids less the reserved ones below 300 and those in use, and every pid in use now that was
 * not at the mark came from a fork since: so fewer than (pid_max - 300 - tasks at the mark) / 2 forks cannot go round.
 */
export function pidsSince(mark: PidMark, now: { lastPid: number; pidMax: number; forks: number }): PidWindow | undefined {
  const forks = now.forks - mark.forks;
  if (forks < 0 || 2 * forks + mark.tasks + 300 >= now.pidMax) return undefined;
  return { after: mark.lastPid, upTo: now.lastPid };
}

/** The pids after `after` up to `upTo`, which wrap around pid_max when `upTo` is the smaller. */
export interface PidWindow {
  after: number;
  upTo: number;
}

export function inWindow(w: PidWindow, pid: number): boolean {
  return w.upTo >= w.after ? pid > w.after && pid <= w.upTo : pid > w.after || pid <= w.upTo;
}

/**
 * Up to this many pids given out since the mark, a scan reads each one's stat rather than list /proc: a listing costs
 * about what a dozen reads do, and on a quiet machine a harness's window is the harness alone.
 */
const READ_EACH_AT_MOST = 12;

/** A fresh marker value for one harness process and everything it starts. */
export function newRunMarker(): string {
  return crypto.randomBytes(12).toString('hex');
}

interface ProcStat {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  state: string;
  /** utime + stime + cutime + cstime, in ms: its own CPU time and that of the children it waited for. */
  cpuMs: number;
  /** Start time in clock ticks since boot: a pid with another start time is another process. */
  start: number;
  rssBytes: number;
  /** A thread other than its group's leader (exit signal -1): its pid is not a process's. */
  thread: boolean;
}

function readStat(pid: number | string): ProcStat | undefined {
  let fd: number;
  try {
    fd = fs.openSync(`/proc/${pid}/stat`, 'r');
  } catch {
    return undefined;
  }
  try {
    return readStatFrom(fd, pid);
  } finally {
    fs.closeSync(fd);
  }
}

/** The stat of a process from an open stat file; undefined once the process is gone. */
function readStatFrom(fd: number, pid: number | string): ProcStat | undefined {
  let text: string;
  try {
    text = statBuffer.toString('latin1', 0, fs.readSync(fd, statBuffer, 0, statBuffer.length, 0));
  } catch {
    return undefined;
  }
  if (!text.includes(')')) return undefined;
  // The command name is in parentheses and may hold spaces and parentheses: fields start after the last ')'.
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ', 36);
  // f[0] is field 3 (state): field n is f[n - 3].
  return {
    pid: Number(pid),
    state: f[0],
    ppid: Number(f[1]),
    pgid: Number(f[2]),
    sid: Number(f[3]),
    cpuMs: ((Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 1000) / CLOCK_TICKS_PER_SECOND,
    start: Number(f[19]),
    rssBytes: Number(f[21]) * PAGE_SIZE,
    thread: f[35] === '-1',
  };
}

function hasMarker(pid: number, needle: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/environ`, 'latin1').includes(needle);
  } catch {
    return false;
  }
}

/** What a process tree uses now. */
export interface TreeUsage {
  /** CPU time of every process of the tree, living or ended, in ms. */
  cpuMs: number;
  /** Resident memory of the living processes, summed, in bytes. */
  rssBytes: number;
  /** How many processes are alive (zombies excluded). */
  processes: number;
}

/**
 * The processes of one harness. `usage()` and `kill()` scan /proc; a process seen once is remembered (by pid and
 * start time) so that it stays counted after it detaches, and the CPU time of one that ended outside the tree
 * (reaped by init) is kept.
 */
export class ProcessTree {
  private readonly needle: string;
  private rootStart: number | undefined;
  /** pid → the last stat seen, for every process ever found in the tree. */
  private readonly known = new Map<number, ProcStat>();
  /** CPU time of processes that ended and were reaped outside the tree. */
  private lostCpuMs = 0;

  /**
   * `mark`, read before the harness was started (`pidMark()`), lets a scan read only the processes started since;
   * without it, or when the pids may have gone round since, a scan reads every process.
   */
  constructor(
    readonly rootPid: number,
    readonly marker: string,
    private readonly mark?: PidMark,
  ) {
    this.needle = `${RUN_MARKER_VAR}=${marker}\0`;
    this.rootStart = HAS_PROC ? readStat(rootPid)?.start : undefined;
  }

  /** Processes already found to carry no marker, by pid and start time: their environment is read once. */
  private readonly unmarked = new Set<string>();

  /**
   * Every process of the tree, found by a scan of /proc (zombies included: they still hold their CPU time).
   * `outside`, when given, holds the pids an earlier scan of the same kill found outside the tree: they are not read
   * again, and the pids this scan finds outside are added to it.
   */
  private scan(outside?: Set<string>): ProcStat[] {
    const recent = this.recentPids();
    let names: string[];
    if (recent && recent.upTo >= recent.after && recent.upTo - recent.after <= READ_EACH_AT_MOST) {
      names = [];
      for (let pid = recent.after + 1; pid <= recent.upTo; pid++) names.push(String(pid));
    } else {
      try {
        names = fs.readdirSync('/proc');
      } catch {
        return [];
      }
    }
    const root = this.rootPid;
    const rootStart = this.rootStart;
    const inTree = new Set<number>();
    const found: ProcStat[] = [];
    const add = (s: ProcStat): void => {
      inTree.add(s.pid);
      found.push(s);
    };
    let pending: ProcStat[] = [];
    for (const name of names) {
      const c = name.charCodeAt(0);
      if (c < 48 || c > 57 || outside?.has(name) || (recent && !inWindow(recent, Number(name)))) continue;
      const s = readStat(name);
      // A pid read without a listing can be a thread's (a listing shows thread groups only): its stat is its group's.
      if (s?.thread) continue;
      // Only processes started after the harness can be its descendants (a reused pid is another process).
      if (!s || rootStart === undefined || s.start < rootStart) {
        outside?.add(name);
        continue;
      }
      const seen = this.known.get(s.pid);
      if ((s.pid === root && s.start === rootStart) || s.pgid === root || s.sid === root || (seen && seen.start === s.start)) add(s);
      else pending.push(s);
    }
    // Children of tree processes to any depth, then processes that detached but carry the marker.
    let grew = true;
    while (grew) {
      grew = false;
      const next: ProcStat[] = [];
      for (const s of pending) {
        if (inTree.has(s.ppid) || this.marked(s)) {
          add(s);
          grew = true;
        } else {
          next.push(s);
        }
      }
      pending = next;
    }
    for (const s of pending) outside?.add(String(s.pid));
    this.remember(found, inTree);
    return found;
  }

  /** The test a pid must pass to be read by a scan, when the mark allows one: only pids given out since the mark. */
  private recentPids(): PidWindow | undefined {
    if (!this.mark) return undefined;
    // The pid counter first: a process forked after it was read is found by the next scan, as any process is.
    const lastPid = readLastPid();
    const pidMax = readProcNumber('/proc/sys/kernel/pid_max');
    const forks = readForks();
    const window = lastPid !== undefined && pidMax !== undefined && forks !== undefined ? pidsSince(this.mark, { lastPid, pidMax, forks }) : undefined;
    // The harness got its pid after the mark: counters that say otherwise are not to be trusted.
    return window && inWindow(window, this.rootPid) ? window : undefined;
  }

  private marked(s: ProcStat): boolean {
    const id = `${s.pid}:${s.start}`;
    if (this.unmarked.has(id)) return false;
    if (hasMarker(s.pid, this.needle)) return true;
    this.unmarked.add(id);
    return false;
  }

  /**
   * The root's stat file, kept open between reads (a read is then one system call: it happens at every case's start)
   * until the tree is killed. It stays the root's: once that process is gone, reads fail, whoever reuses the pid.
   */
  private rootFd: number | undefined;

  private readRoot(): ProcStat | undefined {
    if (this.rootFd === undefined) {
      try {
        this.rootFd = fs.openSync(`/proc/${this.rootPid}/stat`, 'r');
      } catch {
        return undefined;
      }
    }
    return readStatFrom(this.rootFd, this.rootPid);
  }

  private closeRoot(): void {
    if (this.rootFd === undefined) return;
    fs.closeSync(this.rootFd);
    this.rootFd = undefined;
  }

  /** The processes already known, read again without listing /proc: cheap enough for every tick of a watch. */
  private rescanKnown(): ProcStat[] {
    const found: ProcStat[] = [];
    const inTree = new Set<number>();
    for (const [pid, last] of this.known) {
      const s = pid === this.rootPid ? this.readRoot() : readStat(pid);
      if (s && s.start === last.start) {
        found.push(s);
        inTree.add(pid);
      }
    }
    this.remember(found, inTree);
    return found;
  }

  /** Remembers what a scan found; a process gone since was reaped, by a tree process (its CPU time is then in that one's cutime) or not. */
  private remember(found: ProcStat[], inTree: Set<number>): void {
    for (const [pid, last] of this.known) {
      if (inTree.has(pid)) continue;
      this.known.delete(pid);
      if (!inTree.has(last.ppid)) this.lostCpuMs += last.cpuMs;
    }
    for (const s of found) this.known.set(s.pid, s);
  }

  /**
   * CPU time and memory of the whole tree; undefined without /proc. `full: false` reads only the processes found
   * before (a new child is found by the next full scan).
   */
  usage(full = true): TreeUsage | undefined {
    if (!HAS_PROC || this.rootStart === undefined) return undefined;
    if (this.known.size === 0) this.known.set(this.rootPid, { pid: this.rootPid, ppid: 0, pgid: 0, sid: 0, state: 'R', cpuMs: 0, start: this.rootStart, rssBytes: 0, thread: false });
    const found = full ? this.scan() : this.rescanKnown();
    let cpuMs = this.lostCpuMs;
    let rssBytes = 0;
    let processes = 0;
    for (const s of found) {
      cpuMs += s.cpuMs;
      if (s.state !== 'Z') {
        rssBytes += s.rssBytes;
        processes++;
      }
    }
    return { cpuMs, rssBytes, processes };
  }

  /**
   * Kills every process of the tree with SIGKILL and returns once they are dead (or after KILLED_WAIT_MS).
   * Synchronous, so it can run from a signal handler or on exit. A process forked between a scan and the kill is found
   * by the next scan; once a scan finds nothing alive that was not already killed, the tree cannot grow any more (the
   * kernel refuses a fork to a process with SIGKILL pending), so later rounds, and later calls, only read the killed
   * ones again until they are gone, without listing /proc.
   */
  kill(): void {
    this.closeRoot();
    // Without /proc the group is all there is to kill. With it, the scan finds the group's members and checks the
    // root's start time: a bare group kill could reach another process that reused the pid after the harness ended.
    if (!HAS_PROC || this.rootStart === undefined) {
      killGroup(this.rootPid);
      return;
    }
    // Sweeps are counted until the tree is sealed; then the killed processes are waited for by time (a process
    // SIGKILLed on a busy machine can take a while to die, and re-reading a few stat files takes microseconds).
    const waitUntil = Date.now() + KILLED_WAIT_MS;
    // A process outside the tree in one round stays outside in the next: it cannot become a descendant, join the
    // tree's session or take its marker. Its pid is not read again, as it could only be another process's if the
    // system had started every other pid in between (pids are given out in turn).
    const outside = new Set<string>();
    for (let round = 0; round < MAX_SWEEPS || (this.sealed && Date.now() < waitUntil); round++) {
      const alive = (this.sealed ? this.readKilled() : this.scan(outside)).filter((s) => s.state !== 'Z');
      if (alive.length === 0) {
        // Nothing of the tree is alive: nothing is left that could start a process.
        this.sealed = true;
        return;
      }
      if (this.sealed && round >= MAX_SWEEPS) Atomics.wait(PAUSE, 0, 0, 1);
      let fresh = 0;
      for (const s of alive) {
        const id = `${s.pid}:${s.start}`;
        if (this.killed.has(id)) continue;
        fresh++;
        this.killed.set(id, s.pid);
        try {
          process.kill(s.pid, 'SIGKILL');
        } catch {
          // Gone already.
        }
      }
      if (fresh === 0) this.sealed = true;
    }
  }

  /** Every process the tree has killed (by pid and start time), and whether a scan after the kill found nothing new. */
  private readonly killed = new Map<string, number>();
  private sealed = false;

  /** The killed processes that still exist (the same pid with the same start time). */
  private readKilled(): ProcStat[] {
    const found: ProcStat[] = [];
    for (const [id, pid] of this.killed) {
      const s = readStat(pid);
      if (s && `${s.pid}:${s.start}` === id) found.push(s);
    }
    return found;
  }
}

/** Kills a process group; where there is no /proc this is all the cleanup there is. */
export function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}
