import { open, rename, rm } from 'node:fs/promises';

const CHUNKS_PER_TURN = 2_000;

/**
 * Writes `chunks` to a temp file in batches, fsyncs it and renames it over `path`: a crash leaves
 * the old file or the new one, and a large file is never one giant string in memory. Every write
 * and the fsync run in libuv's pool, so main's event loop never waits on the disk.
 */
export async function writeAtomically(path: string, chunks: Iterable<string>): Promise<void> {
  const temp = `${path}.tmp-${process.pid}`;
  const file = await open(temp, 'w');
  try {
    let pending: string[] = [];
    for (const chunk of chunks) {
      pending.push(chunk);
      if (pending.length === CHUNKS_PER_TURN) {
        await file.write(pending.join(''));
        pending = [];
      }
    }
    await file.write(pending.join(''));
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
  await rename(temp, path);
}
