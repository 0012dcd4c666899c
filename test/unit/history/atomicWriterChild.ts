// Run as a child process by atomicWrite.test: writes a big JSON document to the target over and over
// through the atomic helper until killed. Each document says how long it is, so a reader can tell
// a complete one from a torn one.
import { writeFileAtomicSync } from '../../../src/core/fs/atomicWrite';

const [target, sizeArg] = process.argv.slice(2);
const items = Number(sizeArg) || 50_000;
for (let n = 1; ; n++) {
  const doc = { n, count: items, items: Array.from({ length: items }, (_, i) => n + i), end: 'END' };
  writeFileAtomicSync(target, JSON.stringify(doc));
  if (n === 1) process.stdout.write('ready\n');
}
