import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Attempts written in a data folder: the lines of its attempts/YYYY-MM.jsonl logs. */
export function attemptLines(dataDir: string): number {
  const dir = join(dataDir, 'attempts');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .reduce((n, f) => n + readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).length, 0);
}
