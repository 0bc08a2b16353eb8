import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/**
 * A fresh temp folder per call, removed after each test, or with `'all'`
 * after the whole suite (for folders made in `beforeAll`, such as a core the
 * suite's tests share). Register it first in the suite: vitest runs after-hooks
 * in reverse order, so the folder outlives the suite's own clean-up.
 */
export function useTempDirs(scope: 'each' | 'all' = 'each'): () => string {
  const dirs: string[] = [];
  (scope === 'each' ? afterEach : afterAll)(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialdesk-test-'));
    dirs.push(dir);
    return dir;
  };
}
