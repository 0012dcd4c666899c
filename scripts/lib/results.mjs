// Reading the suite's results file and turning it into the launchers' verdict.
import * as fs from 'node:fs';

/** Reads results.json as written by test/integration/index.ts; null when absent or not yet whole. */
export function readResults(file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof r.passed !== 'number' || typeof r.failed !== 'number') return null;
    return { pending: 0, failures: [], tests: [], ...r };
  } catch {
    return null;
  }
}

/** The closing line: exactly `N passed, N failed`, with `, N skipped` when some were pending. */
export function countsLine({ passed, failed, pending }) {
  return `${passed} passed, ${failed} failed${pending > 0 ? `, ${pending} skipped` : ''}`;
}

/** Prints each failure with its stack, then the counts line; returns the process exit code. */
export function reportResults(results, print = console.log) {
  for (const f of results.failures) {
    print(`\nFAILED: ${f.title}\n  ${f.message}`);
    if (f.stack) print(f.stack.split('\n').slice(1, 8).join('\n'));
  }
  print('');
  print(countsLine(results));
  if (results.failed > 0) return 1;
  if (results.passed === 0) {
    print('No integration test ran: the suite is empty or every test was skipped.');
    return 1;
  }
  return 0;
}

/** Prints the lines appended to a file since the last call (a cheap `tail -f`). */
export function follower(file, print = console.log) {
  let offset = 0;
  let partial = '';
  return () => {
    let text;
    try {
      const fd = fs.openSync(file, 'r');
      try {
        const size = fs.fstatSync(fd).size;
        if (size <= offset) return 0;
        const buf = Buffer.alloc(size - offset);
        fs.readSync(fd, buf, 0, buf.length, offset);
        offset = size;
        text = partial + buf.toString('utf8');
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return 0;
    }
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) print(`  ${line}`);
    return lines.length;
  };
}
