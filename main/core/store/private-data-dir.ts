import { accessSync, chmodSync, constants, lstatSync, mkdirSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder cannot be used at all (a file where the folder should be, a
 * parent that is a file, no permission). The front doors print its message as
 * one line and exit with status 2, as for any other bad argument.
 */
export class DataDirError extends Error {
  override name = 'DataDirError';
}

/** What Dialdesk creates in its data folder: only the user who runs it may read it. */
export const PRIVATE_UMASK = 0o077;

/**
 * Every file Dialdesk writes from here on is 0600 and every folder 0700: the
 * data folder holds leads' personal data, call history, recorded drops and the
 * SIP account. The front doors (CLI, web shell, Electron) call this first
 * thing; a umask covers every writer (lowdb, conf, the logs, recordings)
 * without each having to pass a mode. No-op on Windows, which has no modes.
 */
export function usePrivateUmask(platform: NodeJS.Platform = process.platform): void {
  if (platform !== 'win32') process.umask(PRIVATE_UMASK);
}

/**
 * Creates the data folder (0700) or checks the one that exists, then takes
 * group and other permissions off it and everything in it (an older Dialdesk
 * created them with the default umask: 0755 folders, 0644 files). Returns a
 * notice for the rep when anything had to be tightened, else null. Symbolic
 * links inside are never followed; entries owned by another user are left alone.
 */
export function openPrivateDataDir(dataDir: string, platform: NodeJS.Platform = process.platform): string | null {
  let stats = statOrNull(dataDir);
  if (stats !== null && !stats.isDirectory()) {
    throw new DataDirError(`The data folder ${dataDir} is a file, not a folder: give --data-dir (or DIALDESK_DATA_DIR) a folder.`);
  }
  if (stats === null) {
    try {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new DataDirError(`The data folder ${dataDir} cannot be created: ${reason(error)}.`);
    }
    stats = statSync(dataDir);
  }
  try {
    accessSync(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new DataDirError(`The data folder ${dataDir} cannot be used: ${reason(error)}.`);
  }
  if (platform === 'win32') return null;
  const tightened = tighten(dataDir, stats);
  if (tightened === 0) return null;
  return `The data folder ${dataDir} could be read by other users: ${tightened === 1 ? '1 folder or file was' : `${tightened} folders and files were`} made private (folders 0700, files 0600).`;
}

/** Takes group and other bits off `path` and, for a folder, everything below it. Counts what changed. */
function tighten(path: string, stats: Stats): number {
  const uid = process.getuid?.();
  let changed = 0;
  if (uid === undefined || stats.uid === uid) {
    if ((stats.mode & 0o077) !== 0) {
      try {
        chmodSync(path, stats.mode & 0o700);
        changed++;
      } catch {
        // Not ours to change after all (a read-only mount): the rest is still worth tightening.
      }
    }
  }
  if (!stats.isDirectory()) return changed;
  let names: string[];
  try {
    names = readdirSync(path);
  } catch {
    return changed;
  }
  for (const name of names) {
    const child = join(path, name);
    let childStats: Stats;
    try {
      childStats = lstatSync(child);
    } catch {
      continue;
    }
    // A link's own mode means nothing, and what it points at is not the data folder's to change.
    if (childStats.isSymbolicLink()) continue;
    changed += tighten(child, childStats);
  }
  return changed;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new DataDirError(`The data folder ${path} cannot be used: ${reason(error)}.`);
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a part of its path is a file, not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the disk is read-only';
  if (code === 'ENAMETOOLONG') return 'the path is too long';
  return error instanceof Error ? error.message : String(error);
}
