import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../../../main/core/store/data-dir-lock.js';
import { bundleForNode } from '../../../support/bundle-for-node.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const PROCESSES = 3;
const TRIALS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('data-folder lock', () => {
  const tempDir = useTempDirs();
  let script: string;

  beforeAll(async () => {
    script = await bundleForNode(join(import.meta.dirname, 'lock-worker.ts'), 'lock-worker');
  }, 60_000);

  it(`gives a folder to exactly one of ${PROCESSES} processes starting together, in each of ${TRIALS} trials`, async () => {
    const root = tempDir();
    for (let trial = 0; trial < TRIALS; trial++) mkdirSync(join(root, `trial-${trial}`));
    const workers = Array.from({ length: PROCESSES }, (_, worker) => {
      const child = spawn(process.execPath, [script, 'race', root, String(worker), String(TRIALS)], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const exited = new Promise<void>((resolve, reject) =>
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock worker ${worker} exited with ${code}: ${stderr}`)))),
      );
      return { child, exited };
    });
    try {
      const winners: number[] = [];
      for (let trial = 0; trial < TRIALS; trial++) {
        writeFileSync(join(root, `go-${trial}`), '');
        const results = Array.from({ length: PROCESSES }, (_, worker) => join(root, `result-${trial}-${worker}`));
        for (const deadline = Date.now() + 20_000; !results.every((path) => existsSync(path)); await sleep(1)) {
          if (Date.now() > deadline) throw new Error(`trial ${trial}: not every worker answered`);
        }
        winners.push(results.filter((path) => readFileSync(path, 'utf8') === 'won').length);
        writeFileSync(join(root, `done-${trial}`), '');
      }
      await Promise.all(workers.map((w) => w.exited));
      console.log(`lock race: ${winners.filter((n) => n === 1).length} of ${TRIALS} trials had exactly one winner`);
      expect(winners.filter((n) => n !== 1)).toEqual([]);
    } finally {
      for (const { child } of workers) if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 180_000);

  it('is free the moment its owner is killed, whatever pid the lock file names', async () => {
    const dir = tempDir();
    const owner = spawn(process.execPath, [script, 'hold', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => owner.stdout.setEncoding('utf8').on('data', (text: string) => text.includes('LOCKED') && resolve()));
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by another Dialdesk process \\(pid ${owner.pid}\\)`));

    const gone = new Promise((resolve) => owner.on('exit', resolve));
    owner.kill('SIGKILL');
    await gone;
    // A reused pid: the file still names the dead owner's pid; make it name a live process instead.
    writeFileSync(join(dir, 'dialdesk.lock'), String(process.ppid));
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, 'dialdesk.lock'), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    lockDataDir(dir).release();
  }, 60_000);
});
