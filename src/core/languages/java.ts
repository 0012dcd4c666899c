import * as crypto from 'node:crypto';
import * as fsSync from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { cachedBuild, readHarnessFile } from './buildCache';
import { compileSolution, JAVA_COMPILER_SOURCE, JAVA_HARNESS_CLASS, JAVA_HARNESS_SOURCE, JAVAC_KEY, javaBeside, javacArgs, runJdkTool } from './javaBuild';
import { JavaCompilerServer } from './javaCompiler';
import type { BuildInput, BuildResult, HarnessBuildInput, LanguageModule, StackFrame, WarmCompiler } from './types';

/**
 * The stack of the thread that runs the cases, in MB: a recursion 100 000 calls deep fits twice over (a small method's
 * C1-compiled frames reach ~270 000 calls). An endless recursion ends as a StackOverflowError that must not read as
 * running out of memory: JDK 17 measured ~3 MB of resident memory per MB of stack it overflows in compiled code (36 MB
 * for the JVM plus ~100 MB at 32 MB of stack, ~230 MB at 64), which `runtimeMb` has to hold.
 */
const STACK_MB = 32;

/**
 * JVM flags for the fastest start: the client compiler alone, on one thread (no C2 compile threads competing with the
 * solution on a busy machine; with the default count of two the JVM still made and initialised a C2 thread it never
 * used, ~2 ms of every start, JDK 17), no perf-data file, the JDK's class-data archive. The collector stays the default (G1): the JDK's
 * archive holds heap objects only G1 maps, and the serial collector's start measured ~20 ms of CPU slower (JDK 17).
 * `-Xlog:disable` keeps the JVM's own warnings out of the solution's output. Reflection calls the solution through the
 * JVM's native accessor for its first 1000 calls rather than 15 (JDK 17): generating the faster accessor class costs
 * ~7 ms at the 16th call, which a run of a hundred cases never earns back; a run of thousands of calls still gets it.
 */
const JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:CICompilerCount=1', '-XX:-UsePerfData', '-Xshare:auto', '-Xlog:disable', '-Dsun.reflect.inflationThreshold=1000'];

/** The heap's limit for a problem's memory limit, in MB. */
const heapMb = (memoryMb: number): number => Math.max(16, Math.round(memoryMb));

/**
 * The heap the JVM starts with, in MB (it grows up to the limit as the solution needs it). Without it G1 starts with
 * 1/64 of the machine's memory up to the limit, and setting up and tearing down a 256 MB heap measured ~3 ms of every
 * run (JDK 17, 24 GB machine): the same with any start from 2 to 128 MB.
 */
const INITIAL_HEAP_MB = 64;

/** What a solution's build folder records for the job: the name javac gave the user's file. */
interface JavaLaunchInfo {
  compiledFile: string;
}
const LAUNCH_FILE = 'launch.json';

/** A solution the harness runs once when its class-data archive is made, so the archive holds what a run loads. */
const WARM_SOLUTION =
  'import java.util.*;\nclass Solution {\n  public List<Integer> warm(int[] a, String s, List<List<Integer>> l, Map<String, Integer> m, TreeNode t, long b) {\n' +
  '    List<Integer> out = new ArrayList<>();\n    for (int x : a) out.add(x + s.length() + l.size() + m.size());\n    return out;\n  }\n}\n';
const warmJob = (classes: string): string =>
  JSON.stringify({
    nonce: 'warm',
    built: { classes, compiledFile: 'Solution.java' },
    solutionPath: 'Solution.java',
    codePath: 'Solution.java',
    spec: { kind: 'function', name: 'warm', params: ['int[]', 'string', 'int[][]', 'map<string,int>', 'TreeNode', 'int'], returns: 'int[]' },
    cases: Array.from({ length: 20 }, (_, i) => ({ index: i, args: [[1, 2, i], 'ab', [[1], []], { k: 1 }, [1, null, 2], 2 ** 40] })),
    outputCapBytes: 1024,
    memoryMb: 64,
  });

const HARNESS_JAR = 'harness.jar';
/** The system property that tells the harness its run makes the archive (DrillsHarness.ARCHIVING_PROPERTY). */
const ARCHIVING_PROPERTY = 'drills.archiving';
const HARNESS_ARCHIVE = 'harness.jsa';
/**
 * The archive is a static one (the JDK's classes a run loads and the harness's, in one file), not a dynamic one on top
 * of the JDK's own archive: a run of 100 cases measured ~5 ms faster with it (JDK 17, the harness alone: 30.7 against
 * 35.7 ms).
 */
const ARCHIVE_KIND = 'static';

/**
 * The harness compiled once per harness and JDK, in a cached folder of its own, as a jar with a class-data archive
 * (AppCDS) of what a run loads, the JDK's classes with the harness's: the JVM then maps those classes, parsed and
 * verified, instead of loading them. The
 * archive needs the class path to be jars, and the same at every start: the solution's classes are loaded by the
 * harness from their own folder. Without an archive (a JDK that cannot make one) the jar runs as it is.
 */
async function buildHarness(input: HarnessBuildInput): Promise<BuildResult> {
  const sourceBytes = await readHarnessFile(path.join(input.harnessDir, JAVA_HARNESS_SOURCE));
  const compilerBytes = await readHarnessFile(path.join(input.harnessDir, JAVA_COMPILER_SOURCE));
  const toolchain = JSON.stringify([input.toolchain.command, input.toolchain.version ?? null]);
  // The key of the files read last (unchanged files are the same buffers): hashing ~75 KB of sources is not repeated
  // before every run.
  let key = lastHarnessKey && lastHarnessKey.source === sourceBytes && lastHarnessKey.compiler === compilerBytes && lastHarnessKey.toolchain === toolchain ? lastHarnessKey.key : undefined;
  if (key === undefined) {
    key = `harness-${crypto.createHash('sha256').update(JSON.stringify([sourceBytes.toString('utf8'), compilerBytes.toString('utf8'), input.toolchain.command, input.toolchain.version ?? null, JAVAC_KEY, JVM_FLAGS, HARNESS_JAR, HARNESS_ARCHIVE, ARCHIVE_KIND])).digest('hex').slice(0, 24)}`;
    lastHarnessKey = { source: sourceBytes, compiler: compilerBytes, toolchain, key };
  }
  const built = await cachedBuild(input.cacheDir, key, async (dir) => {
    const src = path.join(dir, 'src');
    const classes = path.join(dir, 'classes');
    await fs.mkdir(src);
    await fs.mkdir(classes);
    const file = path.join(src, `${JAVA_HARNESS_CLASS}.java`);
    await fs.writeFile(file, sourceBytes);
    const compilerFile = path.join(src, path.basename(JAVA_COMPILER_SOURCE));
    await fs.writeFile(compilerFile, compilerBytes);
    const r = await runJdkTool(input.toolchain.command, javacArgs(classes, [file, compilerFile], src), input.signal);
    if (r.error || r.code !== 0) {
      return { ok: false, error: { kind: 'build-failed', message: `The Java harness does not compile with ${input.toolchain.command}: ${r.error?.message ?? r.output.trim()}` } };
    }
    const bin = path.dirname(javaBeside(input.toolchain.command));
    const jar = path.join(dir, HARNESS_JAR);
    const packed = await runJdkTool(path.join(bin, process.platform === 'win32' ? 'jar.exe' : 'jar'), ['cf', jar, '-C', classes, '.'], input.signal);
    if (packed.error || packed.code !== 0) return { ok: true, artifact: 'classes' };
    const warm = path.join(dir, 'warm');
    await compileSolution(input.toolchain.command, WARM_SOLUTION, path.join(warm, 'Solution.java'), path.join(warm, 'src'), path.join(warm, 'classes'), input.signal);
    return { ok: true, artifact: HARNESS_JAR };
  });
  if (built.ok && built.artifact.endsWith(HARNESS_JAR)) await archiveHarness(input, path.dirname(built.artifact));
  return built;
}

/** The harness key computed last, with the file contents and toolchain it was computed from. */
let lastHarnessKey: { source: Buffer; compiler: Buffer; toolchain: string; key: string } | undefined;

/**
 * Makes the harness's class-data archive, once, in its published folder: the archive records the jar's path, so it
 * is made where the jar stays. Written under a name of its own, then renamed: a run never maps a partial archive.
 * A JDK that cannot make one leaves a marker, and runs go on without it.
 */
async function archiveHarness(input: HarnessBuildInput, dir: string): Promise<void> {
  // In one process, one archiving at a time per harness: the others wait for it.
  const running = archivesInFlight.get(dir);
  if (running) return running;
  const made = makeArchive(input, dir).finally(() => archivesInFlight.delete(dir));
  archivesInFlight.set(dir, made);
  return made;
}

/** Archives being made in this process, by the harness's folder. */
const archivesInFlight = new Map<string, Promise<void>>();

async function makeArchive(input: HarnessBuildInput, dir: string): Promise<void> {
  const archive = path.join(dir, HARNESS_ARCHIVE);
  const failed = `${archive}.failed`;
  if (fsSync.existsSync(archive) || fsSync.existsSync(failed)) return;
  const warm = path.join(dir, 'warm', 'classes');
  const scratch = path.join(dir, `${HARNESS_ARCHIVE}.${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  const classList = `${scratch}.classes`;
  const java = javaBeside(input.toolchain.command);
  const jar = path.join(dir, HARNESS_JAR);
  // The classes a run loads: the harness run once on its warm-up solution, listing them as it loads them.
  const listArgs = [`-XX:DumpLoadedClassList=${classList}`, `-D${ARCHIVING_PROPERTY}=true`, '-Xmx64m', ...JVM_FLAGS, '-cp', jar, JAVA_HARNESS_CLASS, String(STACK_MB)];
  const listed = fsSync.existsSync(warm) ? await runJdkTool(java, listArgs, input.signal, warmJob(warm)) : undefined;
  // Then the archive of those classes (classes of the solution's own loader are not in it: the JVM skips them).
  const dumpArgs = ['-Xshare:dump', `-XX:SharedClassListFile=${classList}`, `-XX:SharedArchiveFile=${scratch}`, '-Xmx64m', ...JVM_FLAGS.filter((f) => !f.startsWith('-Xshare:')), '-cp', jar];
  const dumped = listed && listed.code === 0 && fsSync.existsSync(classList) ? await runJdkTool(java, dumpArgs, input.signal) : undefined;
  try {
    if (dumped && dumped.code === 0 && fsSync.existsSync(scratch)) await fs.rename(scratch, archive);
    else await fs.writeFile(failed, (dumped ?? listed)?.output ?? 'no warm-up solution');
  } catch {
    // Another run made it first.
  } finally {
    await fs.rm(scratch, { force: true });
    await fs.rm(classList, { force: true });
  }
}

/** Compiles the solution with javac (cached by source, harness and JDK); the artifact is its classes folder. */
async function buildJava(input: BuildInput): Promise<BuildResult> {
  // The run passes the harness it has just built; a build on its own (a test, a tool) builds it here.
  const harness = input.harnessArtifact !== undefined ? { ok: true as const, artifact: input.harnessArtifact } : await buildHarness(input);
  if (!harness.ok) return harness;
  let source: string;
  try {
    source = await fs.readFile(input.solutionPath, 'utf8');
  } catch (e) {
    return { ok: false, error: { kind: 'load-failed', message: `Cannot read the solution ${input.solutionPath}: ${(e as Error).message}` } };
  }
  // The signature is not part of the key: the harness finds the method by reflection, so the same file compiled for
  // another problem (or a changed `names:`) is the same build.
  // The harness by its key (its folder's name) and artifact, not its path: a cache reached through another path (a
  // link) is the same cache.
  const harnessKey = path.join(path.basename(path.dirname(harness.artifact)), path.basename(harness.artifact));
  const key = crypto.createHash('sha256').update(JSON.stringify([source, input.toolchain.command, input.toolchain.version ?? null, JAVAC_KEY, harnessKey])).digest('hex').slice(0, 32);
  return cachedBuild(input.cacheDir, key, async (dir) => {
    const classes = path.join(dir, 'classes');
    const src = path.join(dir, 'src');
    const compiled = await compileSolution(input.toolchain.command, source, input.solutionPath, src, classes, input.signal, input.compiler);
    if (!compiled.ok) {
      const first = compiled.diagnostics[0];
      return {
        ok: false,
        error: {
          kind: 'build-failed',
          message: compiled.message,
          ...(compiled.output ? { stack: compiled.output } : {}),
          ...(compiled.diagnostics.length > 0 ? { diagnostics: compiled.diagnostics } : {}),
          ...(first ? { location: { file: first.file, line: first.line, column: first.column } } : {}),
        },
      };
    }
    const compiledFile = (await fs.readdir(src)).find((f) => f !== 'TreeNode.java' && f !== 'ListNode.java') ?? path.basename(input.solutionPath);
    const info: JavaLaunchInfo = { compiledFile };
    await fs.writeFile(path.join(dir, LAUNCH_FILE), JSON.stringify(info));
    return { ok: true, artifact: 'classes' };
  });
}

/**
 * javac kept running for warm runs, from the harness's build (its jar holds the compiler's class too). It compiles
 * the harness's warm-up solution at once, in the background, into a folder of its own beside it: the first compile in
 * a fresh JVM is as slow as the javac command, the ones after it about a tenth of that.
 */
async function startCompiler(input: HarnessBuildInput): Promise<WarmCompiler | undefined> {
  const harness = await buildHarness(input);
  if (!harness.ok) return undefined;
  const server = new JavaCompilerServer(javaBeside(input.toolchain.command), harness.artifact);
  const warm = path.join(path.dirname(harness.artifact), 'warm');
  const out = path.join(warm, `recompiled-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  if (fsSync.existsSync(path.join(warm, 'src', 'Solution.java'))) {
    server.warmUp(['-proc:none', '-implicit:none', '-nowarn', '-d', out, '-cp', path.join(warm, 'classes'), path.join(warm, 'src', 'Solution.java')]);
    void server.warmedUp.finally(() => fs.rm(out, { recursive: true, force: true })).catch(() => undefined);
  }
  return server;
}

// `\tat pkg.Class.method(/abs/File.java:12)`, `\tat Class.method(File.java:12)`, `\tat Class.method(Native Method)`.
const JAVA_FRAME = /^\s*at ([\w$.<>/]+)\((.*?)(?::(\d+))?\)\s*$/;

/** A Java stack trace's `at …` lines, innermost first as the JVM prints them. */
function javaStackFrames(stack: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const line of stack.split('\n')) {
    const m = JAVA_FRAME.exec(line);
    if (!m) continue;
    const file = m[2];
    frames.push({ label: m[1], ...(path.isAbsolute(file) ? { file } : {}), ...(m[3] ? { line: Number(m[3]) } : {}) });
  }
  return frames;
}

/** Java (a JDK 11 or newer), compiled by javac and run by src/harness/java/DrillsHarness.java in one JVM per run. */
export const java: LanguageModule<'java'> = {
  id: 'java',
  label: 'Java',
  extension: '.java',
  solutionFile: 'Solution.java',
  aliases: [],
  editorLanguageId: 'java',
  toolchain: {
    id: 'java',
    name: 'a JDK (javac and java)',
    candidates: ['javac'],
    debianPackage: 'default-jdk-headless',
    probe: {
      args: ['-version'],
      read(stdout, executable) {
        const m = /javac\s+(\S+)/.exec(stdout);
        if (!m) return { message: `${executable} did not say which javac it is (asked with -version).` };
        const major = Number(/^(?:1\.)?(\d+)/.exec(m[1])?.[1] ?? 0);
        if (major < 11) return { message: `${executable} is javac ${m[1]}; Drills needs a JDK 11 or newer.` };
        return { command: executable, version: m[1] };
      },
    },
  },
  harnessFiles: [JAVA_HARNESS_SOURCE, JAVA_COMPILER_SOURCE],
  build: buildJava,
  // The JVM runs the harness alone; the solution's classes are loaded from the folder the job names. So it starts
  // before the solution is built, and a warm one waits for the next run as an interpreter does.
  harnessBuild: buildHarness,
  startCompiler,
  builtJob(artifact) {
    const info = JSON.parse(fsSync.readFileSync(path.join(path.dirname(artifact), LAUNCH_FILE), 'utf8')) as JavaLaunchInfo;
    return { classes: artifact, compiledFile: info.compiledFile };
  },
  run({ toolchain, harnessArtifact, limits }) {
    if (!harnessArtifact) throw new Error('Java runs its harness build: no harness artifact was given.');
    const archive = path.join(path.dirname(harnessArtifact), HARNESS_ARCHIVE);
    return {
      command: javaBeside(toolchain.command),
      args: [
        `-Xmx${heapMb(limits.memoryMb)}m`,
        `-Xms${Math.min(INITIAL_HEAP_MB, heapMb(limits.memoryMb))}m`,
        ...JVM_FLAGS,
        ...(fsSync.existsSync(archive) ? [`-XX:SharedArchiveFile=${archive}`] : []),
        '-cp',
        harnessArtifact,
        JAVA_HARNESS_CLASS,
        String(STACK_MB),
      ],
    };
  },
  outOfMemory: (stderr) => /OutOfMemoryError|Java heap space|Metaspace/.test(stderr),
  // The JVM's own resident memory beside the heap (-Xmx is the problem's limit): code, class metadata, the
  // collector's tables, and what an overflowing recursion touches (about 3 × STACK_MB, see there).
  runtimeMb: 160,
  // JAVA_TOOL_OPTIONS, _JAVA_OPTIONS and JDK_JAVA_OPTIONS stay out: they would change the JVM's flags and print.
  keepEnv: /^$/,
  fixedEnv: {},
  stackFrames: javaStackFrames,
  definitionPattern: (name) => new RegExp(`^\\s*(?:(?:public|private|protected|static|final|abstract|synchronized)\\s+)*(?:(?:class|interface|record|enum)\\s+${name}\\b|[\\w<>\\[\\],.? ]+\\s+${name}\\s*\\()`),
};
