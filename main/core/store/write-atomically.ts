import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fsyncDir } from './fsync-dir.js';

const CHUNKS_PER_TURN = 2_000;

/** The temp file beside `path` that writeAtomically renames into place. */
const tempPathOf = (path: string) => `${path}.tmp-${process.pid}`;
const TEMP_NAME = /\.tmp-\d+$/;

/**
 * Writes `chunks` to a temp file, yielding to the event loop every few
 * thousand, then fsyncs it, renames it over `path` and fsyncs the folder: a
 * crash leaves the old file or the new one (and after the promise resolves,
 * the new one), and a large file is never one giant string in memory.
 */
export async function writeAtomically(path: string, chunks: Iterable<string>): Promise<void> {
  const temp = tempPathOf(path);
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
  // The rename is only durable once the folder's entry is on disk too.
  fsyncDir(dirname(path));
}

/**
 * Removes temp files a killed writer left in `dir`. Only for a folder this
 * process has locked: then no other writer can be midway through one.
 */
export function sweepTempFiles(dir: string): string[] {
  const swept = readdirSync(dir).filter((name) => TEMP_NAME.test(name));
  for (const name of swept) rmSync(join(dir, name), { force: true });
  return swept;
}
