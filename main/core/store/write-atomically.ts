import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

const CHUNKS_PER_TURN = 2_000;

/**
 * Writes `chunks` to a temp file, yielding to the event loop every few
 * thousand, then fsyncs and renames it over `path`: a crash leaves the old
 * file or the new one, and a large file is never one giant string in memory.
 */
export async function writeAtomically(path: string, chunks: Iterable<string>): Promise<void> {
  const temp = `${path}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w');
  try {
    let pending: string[] = [];
    for (const chunk of chunks) {
      pending.push(chunk);
      if (pending.length === CHUNKS_PER_TURN) {
        writeSync(fd, pending.join(''));
        pending = [];
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    writeSync(fd, pending.join(''));
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, path);
}
