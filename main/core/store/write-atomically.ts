import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

const CHUNKS_PER_TURN = 2_000;

export interface AtomicWriteOptions {
  /** File mode, set on the temp file from its creation (0600 for secrets: never readable by others, not even briefly). */
  mode?: number;
}

/**
 * The one atomic writer (the store's files, the shell's secrets): the text
 * goes to a fresh temp file beside `path`, is fsynced, renamed over `path`, and
 * the folder is fsynced so the rename itself survives a power cut. A crash
 * leaves the old file or the new one, never half of either.
 *
 * Writes `chunks` yielding to the event loop every few thousand, so a large
 * file is never one giant string in memory and never blocks the process.
 */
export async function writeAtomically(path: string, chunks: Iterable<string>, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = openTemp(path, options);
  try {
    let pending: string[] = [];
    for (const chunk of chunks) {
      pending.push(chunk);
      if (pending.length === CHUNKS_PER_TURN) {
        writeSync(temp.fd, pending.join(''));
        pending = [];
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    writeSync(temp.fd, pending.join(''));
  } catch (error) {
    abandon(temp);
    throw error;
  }
  commit(temp, path, options);
}

/** writeAtomically for a small text written at once, for callers that are synchronous (SecretStore). */
export function writeAtomicallySync(path: string, text: string, options: AtomicWriteOptions = {}): void {
  const temp = openTemp(path, options);
  try {
    writeSync(temp.fd, text);
  } catch (error) {
    abandon(temp);
    throw error;
  }
  commit(temp, path, options);
}

interface TempFile {
  path: string;
  fd: number;
}

function openTemp(path: string, options: AtomicWriteOptions): TempFile {
  // A random part as well as the pid: two writers in one process never share a temp file.
  const temp = `${path}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  return { path: temp, fd: openSync(temp, 'wx', options.mode ?? 0o666) };
}

function abandon(temp: TempFile): void {
  closeSync(temp.fd);
  rmSync(temp.path, { force: true });
}

function commit(temp: TempFile, path: string, options: AtomicWriteOptions): void {
  try {
    fsyncSync(temp.fd);
  } catch (error) {
    abandon(temp);
    throw error;
  }
  closeSync(temp.fd);
  // The umask may have narrowed the mode at creation; set it exactly.
  if (options.mode !== undefined) chmodSync(temp.path, options.mode);
  renameSync(temp.path, path);
  fsyncDirectory(dirname(path));
}

/**
 * Makes a rename or a new file in `directory` durable. Windows cannot open a
 * folder for fsync; NTFS journals the rename itself.
 */
export function fsyncDirectory(directory: string): void {
  let fd: number;
  try {
    fd = openSync(directory, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    // Some file systems refuse fsync on a folder (EINVAL, EISDIR); the file itself is already on disk.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EBADF') throw error;
  } finally {
    closeSync(fd);
  }
}

/** What openTemp names its files (and what older versions named theirs: no random part). */
const TEMP_NAME = /\.tmp-\d+(-[0-9a-f]+)?$/;

/**
 * Removes temp files a killed writer left in `dir`. Only for a folder this
 * process has locked: then no other writer can be midway through one.
 */
export function sweepTempFiles(dir: string): string[] {
  const swept = readdirSync(dir).filter((name) => TEMP_NAME.test(name));
  for (const name of swept) rmSync(join(dir, name), { force: true });
  return swept;
}
