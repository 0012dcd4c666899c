import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes that a killed process can never leave half done: the data goes to a temporary file in the
 * same directory, is flushed to disk (fsync), then renamed over the target. A rename within one
 * directory is atomic on POSIX file systems and on NTFS, so a reader sees either the old file or the
 * new one, never a mix. The temporary file must live in the target's directory: a rename across
 * file systems is a copy, which is not atomic.
 */

/** The prefix every temporary file starts with, so stores can skip (and clean up) leftovers. */
export const TEMP_PREFIX = '.tmp-';

/** The name of the temporary file used while writing `file`: hidden, same directory, unique per call. */
export function tempPathFor(file: string, unique: string = `${process.pid}-${randomBytes(6).toString('hex')}`): string {
  return path.join(path.dirname(file), `${TEMP_PREFIX}${path.basename(file)}.${unique}`);
}

/** True when a directory entry is a temporary file left by an interrupted atomic write. */
export function isTempFileName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}

/** Atomically replaces `file` with `data` (temp file, fsync, rename); the directory must exist. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempPathFor(file);
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(tmp, 'wx', 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fsp.rename(tmp, file);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fsp.unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncDirectory(path.dirname(file));
}

/** Synchronous twin of {@link writeFileAtomic}, for exit handlers and simple scripts. */
export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  const tmp = tempPathFor(file);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', 0o644);
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already failing: the original error is the one worth reporting.
      }
    }
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  syncDirectorySync(path.dirname(file));
}

/**
 * Flushes the directory entry so the rename itself survives a power cut. Opening a directory is not
 * possible on Windows (EISDIR/EPERM), where NTFS journals the rename anyway: failures are ignored.
 */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await fsp.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort, see above.
  }
}

function syncDirectorySync(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Best effort, see syncDirectory.
  }
}
