import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isTempFileName, tempPathFor, writeFileAtomic, writeFileAtomicSync } from '../../../src/core/fs/atomicWrite';

/** Checks that a file holds one complete document as the child writes them. */
function assertComplete(text: string, where: string): number {
  let doc: { n: number; count: number; items: number[]; end: string };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch (e) {
    throw new Error(`${where}: torn file (${(e as Error).message}), ${text.length} bytes`);
  }
  assert.equal(doc.end, 'END', where);
  assert.equal(doc.items.length, doc.count, where);
  assert.equal(doc.items[doc.count - 1], doc.n + doc.count - 1, where);
  return doc.n;
}

describe('atomic writes', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-atomic-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('replaces the file and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'a.json');
    fs.writeFileSync(file, 'old');
    await writeFileAtomic(file, '{"new":true}');
    writeFileAtomicSync(path.join(dir, 'b.json'), 'sync');
    assert.equal(fs.readFileSync(file, 'utf8'), '{"new":true}');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.json', 'b.json']);
  });

  it('puts the temporary file in the target directory under a recognisable name', () => {
    const tmp = tempPathFor(path.join(dir, 'x.json'), 'u1');
    assert.equal(path.dirname(tmp), dir);
    assert.ok(isTempFileName(path.basename(tmp)));
    assert.ok(!isTempFileName('x.json'));
  });

  it('leaves the original intact when a writer dies before the rename', () => {
    const file = path.join(dir, 'a.json');
    writeFileAtomicSync(file, '{"v":1}');
    // What a crash mid-write leaves: a partial temp file, never renamed.
    fs.writeFileSync(tempPathFor(file), '{"v":2, "half');
    assert.equal(fs.readFileSync(file, 'utf8'), '{"v":1}');
  });

  it('removes its temporary file when the write fails', async () => {
    await assert.rejects(writeFileAtomic(path.join(dir, 'missing-dir', 'a.json'), 'x'));
    const target = path.join(dir, 'is-a-dir');
    fs.mkdirSync(path.join(target, 'child'), { recursive: true });
    await assert.rejects(writeFileAtomic(target, 'x'));
    assert.throws(() => writeFileAtomicSync(target, 'x'));
    assert.deepEqual(fs.readdirSync(dir).filter(isTempFileName), []);
  });

  it('a process killed while rewriting a big file in a loop leaves the old or the new complete document', async function () {
    this.timeout(30_000);
    const file = path.join(dir, 'big.json');
    const child = path.join(__dirname, 'atomicWriterChild.js');
    let lastSeen = 0;
    for (let round = 0; round < 3; round++) {
      const proc = spawn(process.execPath, [child, file, '60000'], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        proc.stdout.once('data', () => resolve());
        proc.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
      });
      // Read while it writes: readers never see a torn file either.
      const until = Date.now() + 150 + round * 70;
      let reads = 0;
      while (Date.now() < until) {
        assertComplete(fs.readFileSync(file, 'utf8'), `round ${round}, read ${reads++}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGKILL');
      await exited;
      const n = assertComplete(fs.readFileSync(file, 'utf8'), `after kill ${round}`);
      assert.ok(n >= 1);
      lastSeen = n;
    }
    assert.ok(lastSeen >= 1);
  });
});
