import * as path from 'node:path';
import { stackFrame } from './node';
import type { LanguageModule, StackFrame } from './types';

// `  File "file", line N, in name`.
const PYTHON_FRAME = /^\s*File "(.+)", line (\d+), in (.+)$/;

/** A traceback's frames, innermost first (a traceback lists the innermost call last). */
function pythonStackFrames(stack: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const line of stack.split('\n')) {
    const m = PYTHON_FRAME.exec(line);
    if (m) frames.push(stackFrame(m[3], m[1], Number(m[2])));
  }
  return frames.reverse();
}

/** Python 3, run by src/harness/py_harness.py. */
export const python: LanguageModule<'python'> = {
  id: 'python',
  label: 'Python',
  extension: '.py',
  solutionFile: 'solution.py',
  aliases: [],
  editorLanguageId: 'python',
  toolchain: {
    id: 'python',
    name: 'Python 3',
    candidates: ['python3', 'python'],
    debianPackage: 'python3',
    // Launchers are resolved to the real binary (`sys.executable`): a pyenv shim costs ~300 ms per start, the
    // interpreter itself ~20-70 ms.
    probe: {
      args: ['-c', 'import sys; print(sys.executable); print(sys.version_info[0])'],
      read(stdout, executable) {
        const [real, major] = stdout.trim().split('\n');
        if (!real) return { message: `${executable} did not run (asked for sys.executable).` };
        if (major !== '3') return { message: `${executable} is Python ${major}, Drills needs Python 3.` };
        return { command: real };
      },
    },
  },
  harnessFiles: ['py_harness.py'],
  // Imported as a module (not run as a script) so Python caches its bytecode between runs: compiling the
  // harness costs ~12 ms a run. That cache is written even under PYTHONDONTWRITEBYTECODE (set in many
  // containers), into the harness's own folder only: the setting is restored before the solution loads.
  // `-c` puts the working folder (the solution's) first on sys.path: it is dropped before the harness imports
  // anything, so a json.py beside the solution is not the harness's json. The harness adds the solution's folder
  // back for the solution alone. The harness limits its own address space (`job.memoryMb`).
  run: ({ toolchain, harnessPath }) => ({
    command: toolchain.command,
    args: [
      '-c',
      `import sys;sys.path[:1]=[p for p in sys.path[:1] if p];w=sys.dont_write_bytecode;sys.dont_write_bytecode=False;sys.path.insert(0,${JSON.stringify(path.dirname(harnessPath))});` +
        `import ${path.basename(harnessPath, '.py')} as h;del sys.path[0];sys.dont_write_bytecode=w;del w;h.main()`,
    ],
  }),
  outOfMemory: (stderr) => /MemoryError/.test(stderr),
  runtimeMb: 48,
  // PYTHONPATH and PYTHONSTARTUP stay out: they would put the user's files before the harness's modules.
  fixedEnv: { PYTHONIOENCODING: 'utf-8' },
  keepEnv: /^(PYTHONHOME|PYTHONDONTWRITEBYTECODE|PYTHONPYCACHEPREFIX|PYTHONUTF8|PYTHONHASHSEED|VIRTUAL_ENV|CONDA_PREFIX)$/,
  stackFrames: pythonStackFrames,
  definitionPattern: (name) => new RegExp(`^\\s*(?:async\\s+)?(?:def|class)\\s+${name}\\b`),
};
