import { readFileSync, statSync } from 'node:fs';

/** The largest CSV `import` reads: about twice what the app takes in one upload, and far past any CRM export of one rep's leads. */
export const MAX_IMPORT_FILE_BYTES = 100 * 1024 * 1024;

/**
 * The largest WAV `detect` reads. The detector decodes every sample to a
 * Float64, 4 to 8 times the file's size; 50 MB is about nine minutes of 16-bit
 * 44.1 kHz stereo, far more than the greeting and beep it looks for.
 */
export const MAX_DETECT_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Reads `file` whole once its size is known to be at most `maxBytes`: an
 * oversized file, or something that is not a regular file (a folder, a FIFO,
 * /dev/zero), is refused with `refuse(message)` before a byte is read.
 */
export function readBoundedFile(file: string, maxBytes: number, advice: string, refuse: (message: string) => Error): Buffer {
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw refuse(`${file} is not a file.`);
    size = stats.size;
  } catch (error) {
    if (!(error as NodeJS.ErrnoException).code) throw error;
    throw refuse(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`);
  }
  if (size > maxBytes) throw refuse(`${file} is ${megabytes(size)}; this command reads files up to ${megabytes(maxBytes)}. ${advice}`);
  try {
    return readFileSync(file);
  } catch (error) {
    throw refuse(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
