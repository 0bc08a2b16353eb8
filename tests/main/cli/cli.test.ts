import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from '../../../main/core/store/data-dir-lock.js';
import { LeadStore } from '../../../main/core/store/lead-store.js';
import { makeAttempt } from '../../support/fixtures.js';
import { cli } from '../../support/run-cli.js';
import { useTempDirs } from '../../support/temp-dir.js';

const CSV = 'First Name,Last Name,Company,Phone,Time Zone\nDana,Whitfield,Harbor,(212) 555-0101,Eastern Time (US & Canada)\nOmar,Q,Acme,555-12,\n';

describe('dialdesk CLI', () => {
  const tempDir = useTempDirs();

  it('imports with per-row errors, exports CSV, and counts outcomes and promises', async () => {
    const dir = tempDir();
    const file = join(dir, 'leads.csv');
    writeFileSync(file, CSV);
    const imported = await cli(['import', file, '--data-dir', join(dir, 'data')]);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('Imported 1 of 2 rows');
    expect(imported.out).toMatch(/row 3: "555-12" is not a valid phone number for US/);

    // History written straight to the store: a promise kept, then one that passed without an attempt.
    const store = await LeadStore.open(join(dir, 'data'));
    const dana = store.leadByPhone('+12125550101')!;
    await store.recordAttempt(makeAttempt(dana.id, 'voicemail', '2026-11-02T15:00:00.000Z', { promisedFor: '2026-11-03T14:15:00.000Z' }));
    await store.recordAttempt(makeAttempt(dana.id, 'voicemail', '2026-11-03T14:16:00.000Z', { promisedFor: '2026-11-04T14:15:00.000Z' }));
    await store.close();

    const stats = await cli(['stats', '--data-dir', join(dir, 'data')]);
    expect(stats.code).toBe(0);
    expect(stats.out).toMatch(/Dials:\s+2/);
    expect(stats.out).toMatch(/Promises:\s+1 kept, 1 broken, 0 open/);

    const exported = await cli(['export', 'attempts', '--data-dir', join(dir, 'data')]);
    const rows = Papa.parse<Record<string, string>>(exported.out, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.phone, r.outcome, r.promised_for])).toEqual([
      ['+12125550101', 'voicemail', '2026-11-03T14:15:00.000Z'],
      ['+12125550101', 'voicemail', '2026-11-04T14:15:00.000Z'],
    ]);
  });

  it('plans as CSV with the lead offset, and exits non-zero with a clear message on bad input', async () => {
    const dir = tempDir();
    const file = join(dir, 'leads.csv');
    writeFileSync(file, CSV);
    await cli(['import', file, '--data-dir', dir]);
    const plan = await cli(['plan', '--from', '2026-12-01T00:00:00Z', '--days', '2', '--data-dir', dir]);
    expect(plan.code).toBe(0);
    const [row] = Papa.parse<Record<string, string>>(plan.out, { header: true, skipEmptyLines: true }).data;
    expect(row).toMatchObject({ phone: '+12125550101', time_zone: 'America/New_York', promised: 'no' });
    expect(row.planned_at).toMatch(/^2026-12-0\dT\d\d:\d\d:00-05:00$/);

    expect(await cli(['plan', '--days', 'x', '--data-dir', dir])).toMatchObject({ code: 1, err: expect.stringMatching(/--days expects/) });
    expect(await cli(['import', join(dir, 'missing.csv'), '--data-dir', dir])).toMatchObject({ code: 1, err: expect.stringMatching(/Cannot read/) });
    expect(await cli(['frobnicate', '--data-dir', dir])).toMatchObject({ code: 1, err: expect.stringMatching(/Unknown command/) });
  });

  it('refuses data from a newer Dialdesk, even for read-only stats, and moves nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'leads.csv');
    writeFileSync(file, CSV);
    expect((await cli(['import', file, '--data-dir', dir])).code).toBe(0);
    const newer = readFileSync(join(dir, 'leads.json'), 'utf8').replace(/^\{"schemaVersion":\d+/, '{"schemaVersion":7');
    writeFileSync(join(dir, 'leads.json'), newer);
    const before = readdirSync(dir).sort();
    const stats = await cli(['stats', '--data-dir', dir]);
    expect(stats).toMatchObject({ code: 1, out: '' });
    expect(stats.err).toContain('made by a newer Dialdesk (version 7); update the app');
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(join(dir, 'leads.json'), 'utf8')).toBe(newer);
  });

  it('opens a store with one unreadable lead, says it was set aside, counts it, exports it, and exits 0', async () => {
    const dir = tempDir();
    const file = join(dir, 'leads.csv');
    writeFileSync(file, `${CSV}Ana,Ruiz,Pier,(212) 555-0102,\n`);
    expect((await cli(['import', file, '--data-dir', dir])).code).toBe(0);
    const text = readFileSync(join(dir, 'leads.json'), 'utf8');
    writeFileSync(join(dir, 'leads.json'), text.replace('"phone":"+12125550101"', '"phone":12125550101'));

    const stats = await cli(['stats', '--json', '--data-dir', dir]);
    expect(stats.code).toBe(0);
    expect(stats.err).toContain(`1 lead could not be read and was set aside (see ${join(dir, 'quarantine', 'lead.jsonl')}).`);
    expect(JSON.parse(stats.out)).toMatchObject({ leads: 1, quarantined: 1 });

    const exported = await cli(['export', 'quarantine', '--data-dir', dir]);
    expect(exported.code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(exported.out, { header: true, skipEmptyLines: true }).data;
    expect(rows).toEqual([expect.objectContaining({ kind: 'lead', source: 'leads.json', line: '2', reason: expect.stringMatching(/phone/) })]);
    expect(rows[0].record).toContain('"phone":12125550101');
    // Told once: the next run opens quietly and still counts it.
    const again = await cli(['stats', '--json', '--data-dir', dir]);
    expect(again.err).toBe('');
    expect(JSON.parse(again.out)).toMatchObject({ leads: 1, quarantined: 1 });
  });

  it('exits non-zero on a folder another process owns, having opened nothing in it', async () => {
    const dir = tempDir();
    const owner = lockDataDir(dir);
    try {
      const stats = await cli(['stats', '--data-dir', dir]);
      expect(stats.code).toBe(1);
      expect(stats.err).toMatch(/in use by another Dialdesk process \(pid \d+\)/);
      expect(readdirSync(dir)).toEqual(['dialdesk.lock']);
    } finally {
      owner.release();
    }
  });
});
