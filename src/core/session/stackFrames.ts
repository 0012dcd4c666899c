import * as path from 'node:path';

/** One frame of a solution's stack trace, innermost first; `file` only when it names a file on disk. */
export interface StackFrame {
  label: string;
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
}

// `    at name (file:line:column)`, `    at file:line:column`, `    at async name (…)`.
const NODE_FRAME = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/;
// `  File "file", line N, in name`.
const PYTHON_FRAME = /^\s*File "(.+)", line (\d+), in (.+)$/;

/**
 * The frames of a stack trace as the runner reports it (Node's `at …` lines or a Python traceback), innermost
 * first, as an editor's call stack lists them. Lines that are not frames (the message, source lines) are skipped.
 */
export function stackFrames(stack: string): StackFrame[] {
  const lines = stack.split('\n');
  const python: StackFrame[] = [];
  const node: StackFrame[] = [];
  for (const line of lines) {
    const py = PYTHON_FRAME.exec(line);
    if (py) {
      python.push(frame(py[3], py[1], Number(py[2])));
      continue;
    }
    const js = NODE_FRAME.exec(line);
    if (js) node.push(frame(js[1] ?? '<anonymous>', js[2], Number(js[3]), Number(js[4])));
  }
  // A traceback lists the innermost call last.
  return python.length > 0 ? python.reverse() : node;
}

function frame(label: string, file: string, line: number, column?: number): StackFrame {
  const onDisk = path.isAbsolute(file) && !file.startsWith('node:');
  return { label, ...(onDisk ? { file } : {}), line, ...(column !== undefined ? { column } : {}) };
}
