import { buildCpp, cachedCpp, CPP_HARNESS_FILES } from './cppBuild';
import { cppCrashError, cppStackFrames, cppTraceError } from './cppTrace';
import type { LanguageModule } from './types';

/**
 * C++17, LeetCode-style: `class Solution` with a member function, or the problem's class. Built with the system g++
 * against a precompiled harness (cppBuild.ts), cached; every case runs in one process (src/harness/drills_cpp_main.cpp).
 * The harness caps its address space at the memory limit and raises its stack to the same size: a 100 000-deep
 * recursion works as on LeetCode, an endless one ends in SIGSEGV, reported as a stack overflow. A crash and an exception
 * are reported with the solution's frames where it happened (cppTrace.ts).
 */
export const cpp: LanguageModule<'cpp'> = {
  id: 'cpp',
  label: 'C++',
  extension: '.cpp',
  solutionFile: 'solution.cpp',
  aliases: ['c++'],
  editorLanguageId: 'cpp',
  toolchain: {
    id: 'cpp',
    name: 'a C++ compiler (g++)',
    candidates: ['g++'],
    debianPackage: 'g++',
    probe: {
      args: ['--version'],
      read(stdout, executable) {
        const version = stdout.split('\n')[0]?.trim();
        return version ? { version } : { message: `${executable} --version printed nothing.` };
      },
    },
  },
  harnessFiles: [...CPP_HARNESS_FILES],
  cached(input) {
    return cachedCpp({ ...input, compiler: input.toolchain.command, compilerVersion: input.toolchain.version ?? '' });
  },
  async build(input) {
    const built = await buildCpp({
      solutionPath: input.solutionPath,
      harnessDir: input.harnessDir,
      spec: input.spec,
      compiler: input.toolchain.command,
      compilerVersion: input.toolchain.version ?? '',
      cacheDir: input.cacheDir,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    if (built.ok) return built;
    const e = built.error;
    if (e.kind === 'not-found') return { ok: false, error: { kind: 'not-found', message: e.message } };
    if (e.kind === 'failed') return { ok: false, error: { kind: 'build-failed', message: e.message, ...(e.output ? { stack: e.output } : {}) } };
    const first = e.diagnostics[0];
    return { ok: false, error: { kind: 'build-failed', message: e.message, diagnostics: e.diagnostics, stack: e.output, location: { file: first.file, line: first.line, column: first.column } } };
  },
  // The program takes the stack size it raises itself to (the memory limit, in MB); it caps its own address space.
  run: ({ artifact, limits }) => ({ command: artifact ?? '', args: [String(Math.max(1, Math.round(limits.memoryMb)))] }),
  outOfMemory: (stderr) => /std::bad_alloc/.test(stderr),
  // The harness's job text and one case's parsed values.
  runtimeMb: 32,
  keepEnv: /^$/,
  fixedEnv: {},
  crashError: cppCrashError,
  traceError: cppTraceError,
  stackFrames: cppStackFrames,
  definitionPattern: (name) => new RegExp(`^\\s*(?:class|struct)\\s+${name}\\b|^\\s*[\\w:<>,*&\\s]*\\b${name}\\s*\\(`),
};
