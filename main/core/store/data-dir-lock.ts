import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StoreOpenError } from './store-error.js';

/**
 * One process at a time owns a data folder (the app, the harness or the CLI).
 * The lock holds the owner's pid. A lock left by a process that no longer
 * runs (killed, crashed) is taken over at once; mtime-based locks such as
 * proper-lockfile would make a restart after a crash wait for staleness.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'dialdesk.lock');
  for (let tries = 0; tries < 2; tries++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(path);
        } catch {
          // Already gone; nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSafe(path), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
        throw new StoreOpenError(
          `The data folder ${dataDir} is in use by another Dialdesk process (pid ${owner}): the app, the harness or the CLI. Close it and try again.`,
          [],
          'busy',
        );
      }
      unlinkSync(path);
    }
  }
  throw new StoreOpenError(`Could not lock the data folder ${dataDir}.`, [], 'busy');
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
