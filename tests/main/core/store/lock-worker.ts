/**
 * Child process for the lock race test. For each trial it waits for the
 * parent's `go-N` file, tries to lock `trial-N/` at once, writes `won` or
 * `busy` to `result-N-<worker>`, and keeps what it won until `done-N`
 * exists, so every contender of a trial meets a held lock, not a released one.
 * With `hold`, it locks its folder, says LOCKED and waits to be killed.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataDir, type DataDirLock } from '../../../../main/core/store/data-dir-lock.js';
import { StoreOpenError } from '../../../../main/core/store/store-error.js';

const [mode, root, worker, trialsText] = process.argv.slice(2);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitFor(path: string): Promise<void> {
  // Spin first: the contenders should reach the lock within microseconds of each other.
  for (let spins = 0; !existsSync(path); spins++) if (spins > 2_000) await sleep(1);
}

function tryLock(dir: string): DataDirLock | null {
  try {
    return lockDataDir(dir);
  } catch (error) {
    if (error instanceof StoreOpenError && error.kind === 'busy') return null;
    throw error;
  }
}

if (mode === 'hold') {
  tryLock(root);
  process.stdout.write('LOCKED\n');
  setInterval(() => undefined, 60_000);
} else {
  for (let trial = 0; trial < Number(trialsText); trial++) {
    await waitFor(join(root, `go-${trial}`));
    const lock = tryLock(join(root, `trial-${trial}`));
    // Written aside and renamed, so the parent never reads a half-written answer.
    const result = join(root, `result-${trial}-${worker}`);
    writeFileSync(`${result}.part`, lock ? 'won' : 'busy');
    renameSync(`${result}.part`, result);
    await waitFor(join(root, `done-${trial}`));
    lock?.release();
  }
}
