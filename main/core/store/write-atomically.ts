import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { chmod, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const CHUNKS_PER_TURN = 2_000;

export interface AtomicWriteOptions {
  /** File mode, set on the temp file from its creation (0600 for secrets: never readable by others, not even briefly). */
  mode?: number;
}

/** The write to each path still in flight: the next one to that path starts after it. */
const inFlight = new Map<string, Promise<unknown>>();

/**
 * The one atomic writer (the store's files, the shell's secrets): the text
 * goes to a fresh temp file beside `path`, is fsynced, renamed over `path`, and
 * the folder is fsynced so the rename itself survives a power cut. A crash
 * leaves the old file or the new one, never half of either.
 *
 * Every file operation runs in libuv's pool, so main's event loop never waits
 * on the disk: a dial block's next INVITE must not queue behind an fsync of its
 * own state file. Writes to one path land in the order they were asked for,
 * and the first few thousand chunks are taken at the call, so a caller that
 * changes its data right after asking writes what it had when it asked. A
 * large file is written a few thousand chunks at a time, never one giant string.
 */
export function writeAtomically(path: string, chunks: Iterable<string | Uint8Array>, options: AtomicWriteOptions = {}): Promise<void> {
  const iterator = chunks[Symbol.iterator]();
  let first: string | Uint8Array | null;
  try {
    first = nextText(iterator);
  } catch (error) {
    return Promise.reject(error);
  }
  const previous = inFlight.get(path) ?? Promise.resolve();
  const done = previous.then(
    () => write(path, first, iterator, options),
    () => write(path, first, iterator, options),
  );
  inFlight.set(path, done);
  const forget = () => {
    if (inFlight.get(path) === done) inFlight.delete(path);
  };
  done.then(forget, forget);
  return done;
}

/**
 * The next few thousand text chunks as one string, or the next binary chunk alone (a binary file
 * comes in a few large sections); null when there are none left.
 */
function nextText(iterator: Iterator<string | Uint8Array>): string | Uint8Array | null {
  const pending: string[] = [];
  while (pending.length < CHUNKS_PER_TURN) {
    const step = iterator.next();
    if (step.done) break;
    if (typeof step.value !== 'string') {
      if (pending.length === 0) return step.value;
      // Text before it goes first, then the section: one write each.
      return Buffer.concat([Buffer.from(pending.join(''), 'utf8'), step.value]);
    }
    pending.push(step.value);
  }
  return pending.length === 0 ? null : pending.join('');
}

async function write(path: string, first: string | Uint8Array | null, rest: Iterator<string | Uint8Array>, options: AtomicWriteOptions): Promise<void> {
  const temp = tempName(path);
  const file = await open(temp, 'wx', options.mode ?? 0o666);
  try {
    // writeFile on a handle writes from its position to the end of the text, however the OS splits it.
    for (let piece = first; piece !== null; piece = nextText(rest)) await file.writeFile(piece);
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
  // The umask may have narrowed the mode at creation; set it exactly.
  if (options.mode !== undefined) await chmod(temp, options.mode);
  await rename(temp, path);
  await syncDirectory(dirname(path));
}

/** fsyncDirectory in libuv's pool. */
async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(directory, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!ignorableDirectorySyncError(error)) throw error;
  } finally {
    await handle.close();
  }
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

/** A random part as well as the pid: two writers in one process never share a temp file. */
const tempName = (path: string) => `${path}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;

function openTemp(path: string, options: AtomicWriteOptions): TempFile {
  const temp = tempName(path);
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
    if (!ignorableDirectorySyncError(error)) throw error;
  } finally {
    closeSync(fd);
  }
}

/** Some file systems refuse fsync on a folder (EINVAL, EISDIR); the file itself is already on disk. */
function ignorableDirectorySyncError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EINVAL' || code === 'EISDIR' || code === 'EPERM' || code === 'EBADF';
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
