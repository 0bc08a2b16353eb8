import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonlLog } from '../../../../main/core/store/jsonl-log.js';
import { StoreOpenError } from '../../../../main/core/store/store-error.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const numbered = z.object({ n: z.number() });
const ns = z.object({ n: z.number(), s: z.string() });
const byLead = z.object({ lead: z.string(), n: z.number() });
const padded = z.object({ lead: z.string(), n: z.number(), pad: z.string() });

describe('JsonlLog', () => {
  const tempDir = useTempDirs();

  it('appends records and reads them back from any line offset', () => {
    const path = join(tempDir(), 'log.jsonl');
    const log = JsonlLog.open(path, ns);
    log.append({ n: 1, s: 'é' });
    const afterFirst = log.byteLength;
    log.append({ n: 2, s: 'line\nbreak' });
    expect([...log.readFrom(0)].map((r) => r.record.n)).toEqual([1, 2]);
    expect([...log.readFrom(afterFirst)].map((r) => r.record)).toEqual([{ n: 2, s: 'line\nbreak' }]);
    log.close();
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
  });

  it('finds every line holding a needle, adjacent lines included', () => {
    const log = JsonlLog.open(join(tempDir(), 'log.jsonl'), byLead);
    for (const [lead, n] of [['a', 1], ['a', 2], ['b', 3], ['a', 4]] as const) log.append({ lead, n });
    expect(log.findLines('"lead":"a"').map((r) => r.n)).toEqual([1, 2, 4]);
    expect(log.findLines('"lead":"zz"')).toEqual([]);
    log.close();
  });

  it('finds lines across the 1 MiB read chunks without losing or repeating one', () => {
    const log = JsonlLog.open(join(tempDir(), 'big.jsonl'), padded);
    for (let n = 0; n < 12_000; n++) log.append({ lead: n % 7 === 0 ? 'a' : 'b', n, pad: 'x'.repeat(n % 400) });
    expect(log.byteLength).toBeGreaterThan(2 << 20);
    const found = log.findLines('"lead":"a"').map((r) => r.n);
    expect(found).toEqual(Array.from({ length: 12_000 }, (_, n) => n).filter((n) => n % 7 === 0));
    log.close();
  });

  it('cuts off a torn last line left by a crash mid-write', () => {
    const path = join(tempDir(), 'log.jsonl');
    writeFileSync(path, '{"n":1}\n{"n":2}\n{"n":3');
    const log = JsonlLog.open(path, numbered);
    expect([...log.readFrom(0)].map((r) => r.record.n)).toEqual([1, 2]);
    log.append({ n: 4 });
    log.close();
    expect(readFileSync(path, 'utf8')).toBe('{"n":1}\n{"n":2}\n{"n":4}\n');
  });

  it('refuses a damaged line in the middle instead of skipping history', () => {
    const path = join(tempDir(), 'log.jsonl');
    writeFileSync(path, '{"n":1}\nnot json\n');
    appendFileSync(path, '{"n":3}\n');
    const log = JsonlLog.open(path, numbered);
    expect(() => [...log.readFrom(0)]).toThrow(StoreOpenError);
    log.close();
  });

  it('refuses valid JSON of the wrong shape, a null line included, with the reason', () => {
    for (const bad of ['null', '{"n":"one"}', '[1]', '{}']) {
      const path = join(tempDir(), 'log.jsonl');
      writeFileSync(path, `{"n":1}\n${bad}\n{"n":3}\n`);
      const log = JsonlLog.open(path, numbered);
      expect(() => [...log.readFrom(0)], bad).toThrow(StoreOpenError);
      expect(() => [...log.readFrom(0)], bad).toThrow(/not a valid record/);
      log.close();
    }
  });
});
