import { closeSync, fsyncSync, openSync } from 'node:fs';

/**
 * Makes a folder's entries durable: after a rename or a new file, the data is
 * on disk but the name pointing at it may not be until the folder is synced.
 * Windows cannot open a folder for fsync (and NTFS journals names itself).
 */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
