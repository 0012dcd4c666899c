/**
 * javac kept running (src/harness/java/DrillsCompiler.java) for the active drill: a compile after an edit runs in a
 * JVM whose compiler is loaded and compiled already, about a tenth of the time a javac command takes to start and
 * compile the same file. Used by warm runs (WarmRunner); anything that goes wrong with it falls back to the javac
 * command, which gives the same messages.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { registerCleanup } from '../runner/cleanup';
import type { WarmCompiler } from './types';

/** The compiler JVM's flags: as javac's own (JAVAC_JVM_FLAGS), with room for a large file. */
const COMPILER_JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-Xshare:auto', '-XX:-UsePerfData', '-Xmx512m', '-Xlog:disable'];

/** The compiler's main class, in the harness's jar. */
export const JAVA_COMPILER_CLASS = 'DrillsCompiler';

interface Pending {
  resolve(result: { code: number; output: string } | undefined): void;
}

/** One compiler JVM; compiles one request at a time, in the order asked. */
export class JavaCompilerServer implements WarmCompiler {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly unregister: () => void;
  private readonly pending: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private dead = false;
  /** How many compiles it answered: what tells a warm compile from a fallback to the javac command. */
  private answered = 0;
  warmedUp: Promise<void> = Promise.resolve();

  constructor(java: string, classPath: string) {
    this.child = spawn(java, [...COMPILER_JVM_FLAGS, '-cp', classPath, JAVA_COMPILER_CLASS], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.unregister = registerCleanup(() => this.dispose());
    this.child.stdout.on('data', (d: Buffer) => this.onData(d));
    this.child.stderr.resume();
    this.child.stdin.on('error', () => this.end());
    this.child.on('error', () => this.end());
    this.child.on('exit', () => this.end());
    // A compiler waiting for the next edit must not keep the CLI or a test alive; a compile holds it (see run).
    this.unref();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get compiles(): number {
    return this.answered;
  }

  get alive(): boolean {
    return !this.dead;
  }

  /**
   * javac with `args` (no `-J` flags), or undefined when this compiler cannot answer (it died, or an argument holds
   * a line break): the caller runs the javac command instead. `signal` ends the compiler: a compile in a JVM cannot
   * be stopped alone.
   */
  run(args: readonly string[], signal?: AbortSignal): Promise<{ code: number; output: string } | undefined> {
    if (this.dead || args.some((a) => /[\r\n]/.test(a))) return Promise.resolve(undefined);
    if (signal?.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const onAbort = (): void => this.dispose();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.ref();
      this.pending.push({
        resolve: (result) => {
          signal?.removeEventListener('abort', onAbort);
          if (this.pending.length === 0) this.unref();
          resolve(result);
        },
      });
      this.child.stdin.write(`${args.length}\n${args.join('\n')}\n`);
    });
  }

  /** Compiles `args` once now, ahead of the first real compile, which then waits for it (`warmedUp`). */
  warmUp(args: readonly string[]): void {
    this.warmedUp = this.run(args).then(() => undefined);
  }

  dispose(): void {
    if (!this.dead) this.child.kill('SIGKILL');
    this.end();
  }

  private onData(d: Buffer): void {
    this.buffer = this.buffer.length === 0 ? d : Buffer.concat([this.buffer, d]);
    for (;;) {
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const m = /^(-?\d+) (\d+)$/.exec(this.buffer.subarray(0, newline).toString('latin1'));
      if (!m) {
        // Not the protocol (a JVM that printed something of its own): this compiler is not to be trusted.
        this.dispose();
        return;
      }
      const length = Number(m[2]);
      if (this.buffer.length < newline + 1 + length) return;
      const output = this.buffer.subarray(newline + 1, newline + 1 + length).toString('utf8');
      this.buffer = this.buffer.subarray(newline + 1 + length);
      this.answered++;
      this.pending.shift()?.resolve({ code: Number(m[1]), output });
    }
  }

  private end(): void {
    if (!this.dead) {
      this.dead = true;
      this.unregister();
    }
    for (const p of this.pending.splice(0)) p.resolve(undefined);
  }

  private ref(): void {
    for (const h of [this.child, this.child.stdin, this.child.stdout, this.child.stderr] as unknown as { ref?(): void }[]) h.ref?.();
  }

  private unref(): void {
    for (const h of [this.child, this.child.stdin, this.child.stdout, this.child.stderr] as unknown as { unref?(): void }[]) h.unref?.();
  }
}
