/**
 * Child process for the crash test: opens the store, then records outcomes
 * as fast as it can, printing `ACK <id>` only after each one is acknowledged.
 * The parent kills it with SIGKILL at random moments.
 *
 * `DIALDESK_CRASH_AT=KIND:N:F` makes the kill land inside a write instead:
 * the N-th write of this process to a file of KIND (`log`: an attempt log,
 * written with `fs.writeSync`; `temp`: the temp file of a checkpoint (its
 * header, then one write a section) or of leads.json, written through an
 * `fs/promises` file handle, during open or
 * after it) writes only the first F (0..1) of its bytes, and the process
 * SIGKILLs itself, as a power cut mid-write would.
 */
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { LeadStore } from '../../../../main/core/store/lead-store.js';

const crashAt = process.env.DIALDESK_CRASH_AT?.split(':');
if (crashAt) {
  const [kind, n, fraction] = [crashAt[0], Number(crashAt[1]), Number(crashAt[2])];
  const pattern = kind === 'log' ? /\.jsonl$/ : /\.tmp-\d+-[0-9a-f]+$/;
  const { openSync, writeSync } = fs;
  const openAsync = fs.promises.open;
  const targets = new Set<number>();
  let calls = 0;
  /** The first F of `bytes` (at least one byte, never all of them). */
  const cut = (length: number) => Math.min(Math.max(1, Math.floor(length * fraction)), length - 1);
  fs.openSync = function trackedOpen(path: fs.PathLike, ...rest: unknown[]): number {
    const fd = (openSync as (...args: unknown[]) => number)(path, ...rest);
    if (pattern.test(String(path))) targets.add(fd);
    return fd;
  } as typeof fs.openSync;
  fs.writeSync = function partialWrite(fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]): number {
    if (!targets.has(fd) || ++calls !== n) return (writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    // (fd, buffer, offset, length, position) or (fd, string[, position]): cut the bytes this call would write.
    const [offset, length, position] = typeof data === 'string' ? [0, bytes.length, rest[0]] : [Number(rest[0] ?? 0), Number(rest[1] ?? bytes.length - Number(rest[0] ?? 0)), rest[2]];
    writeSync(fd, bytes, offset, cut(length), (position ?? null) as number | null);
    process.kill(process.pid, 'SIGKILL');
    return 0;
  } as typeof fs.writeSync;
  fs.promises.open = async function trackedOpenAsync(path: fs.PathLike, ...rest: unknown[]): Promise<FileHandle> {
    const handle = await (openAsync as (...args: unknown[]) => Promise<FileHandle>)(path, ...rest);
    if (!pattern.test(String(path))) return handle;
    const writeFile = handle.writeFile.bind(handle);
    handle.writeFile = async function partialWriteFile(data: unknown, ...more: unknown[]): Promise<void> {
      if (++calls !== n || (typeof data !== 'string' && !(data instanceof Uint8Array))) return (writeFile as (...args: unknown[]) => Promise<void>)(data, ...more);
      // Text (leads.json) or bytes (the binary checkpoint's sections).
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      await handle.write(bytes, 0, cut(bytes.length));
      process.kill(process.pid, 'SIGKILL');
    } as FileHandle['writeFile'];
    return handle;
  } as typeof fs.promises.open;
  // The store imports these by name: make the named exports (of node:fs and node:fs/promises) follow the patched ones.
  syncBuiltinESMExports();
}

const [dataDir, leadId, runId] = process.argv.slice(2);
const store = await LeadStore.open(dataDir, { checkpointEvery: 7 });
process.stdout.write('READY\n');
const outcomes = ['no-answer', 'voicemail', 'busy', 'conversation'] as const;
for (let i = 0; ; i++) {
  const at = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
  const id = `${runId}-${i}`;
  await store.recordAttempt({
    id,
    leadId,
    outcome: outcomes[i % outcomes.length],
    startedAt: at,
    recordedAt: at,
    endedAt: null,
    source: 'manual',
    note: 'x'.repeat(i % 300),
    sipStatus: null,
    scriptId: null,
    scriptVersion: null,
    promisedFor: null,
  });
  process.stdout.write(`ACK ${id}\n`);
}
