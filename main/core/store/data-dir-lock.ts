import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { tryLock, unlock } from 'fs-native-extensions';
import { openPrivateDataDir } from './private-data-dir.js';
import { StoreOpenError } from './store-error.js';

/** Held while one process owns a data folder; `release` is idempotent. */
export interface DataDirLock {
  readonly dataDir: string;
  /** Set when the folder could be read by other users and was made private on open (openPrivateDataDir): shown to the rep. */
  readonly notice: string | null;
  release(): void;
}

export const LOCK_FILE = 'dialdesk.lock';

/**
 * One process at a time owns a data folder (the app, the harness or the CLI).
 *
 * The lock is an OS advisory lock on `dialdesk.lock` (open-file-description
 * `fcntl` locks on Linux, `flock` on macOS, `LockFileEx` on Windows, through
 * fs-native-extensions): the kernel grants it to exactly one open file at a
 * time and drops it when its owner exits, however it dies. So a crashed
 * owner never leaves the folder "busy", a reused pid means nothing, and
 * several processes starting together cannot both win.
 *
 * The file itself is never deleted: unlinking a locked file would let a
 * later process lock a new file of the same name while an older one still
 * holds the old inode. The pid written into it only names the owner in the
 * "in use" message; it decides nothing.
 *
 * Take it before opening anything else in the folder (settings, scripts,
 * do-not-call, SIP account): a process that loses must not read, repair or
 * set aside files another process owns.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  // A folder that cannot be used is a DataDirError (one clear line), never a stack trace from open().
  const notice = openPrivateDataDir(dataDir);
  const path = join(dataDir, LOCK_FILE);
  const fd = openSync(path, 'a+');
  let granted: boolean;
  try {
    granted = tryLock(fd);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  if (!granted) {
    closeSync(fd);
    const owner = readOwner(path);
    throw new StoreOpenError(
      `The data folder ${dataDir} is in use by another Dialdesk process${owner ? ` (pid ${owner})` : ''}: the app, the harness or the CLI. Close it and try again.`,
      [],
      'busy',
    );
  }
  ftruncateSync(fd, 0);
  writeSync(fd, `${process.pid}\n`, 0);
  let released = false;
  return {
    dataDir,
    notice,
    release() {
      if (released) return;
      released = true;
      try {
        unlock(fd);
      } finally {
        closeSync(fd);
      }
    },
  };
}

function readOwner(path: string): string {
  try {
    return /^\d+/.exec(readFileSync(path, 'utf8'))?.[0] ?? '';
  } catch {
    return '';
  }
}
