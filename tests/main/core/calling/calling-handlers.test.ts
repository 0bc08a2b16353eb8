import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { DoNotCallPage, LeadDetail } from '../../../../shared/contract/index.js';
import type { Core } from '../../../../main/core/core.js';
import { leadNamed, startCore, value } from '../../../support/core-fixture.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const NOON_NY = new Date('2026-12-01T17:00:00Z');
const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('the do-not-call list through the contract', () => {
  const tempDir = useTempDirs();
  let core: Core | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });

  it('lists entries with their source, searches them, and removes one only with the number typed again, logged', async () => {
    const dir = tempDir();
    core = await startCore(dir, { now: NOON_NY });
    await value(core.dispatch('importDoNotCall', { fileName: 'national-registry.csv', contentBase64: base64('phone\n+1 312 555 0103\n+1 702 555 0111\n') }));
    await value(core.dispatch('importDoNotCall', { fileName: 'complaints.csv', contentBase64: base64('(415) 555-0107\n+1 312 555 0103\n') }));

    const all = await value<DoNotCallPage>(core.dispatch('listDoNotCall', {}));
    expect(all).toMatchObject({ total: 3, count: 3, damage: null });
    expect(all.entries).toEqual([
      { number: '+13125550103', source: 'national-registry.csv', addedAt: NOON_NY.toISOString() },
      { number: '+17025550111', source: 'national-registry.csv', addedAt: NOON_NY.toISOString() },
      { number: '+14155550107', source: 'complaints.csv', addedAt: NOON_NY.toISOString() },
    ]);
    expect(await value<DoNotCallPage>(core.dispatch('listDoNotCall', { query: '702' }))).toMatchObject({ total: 1, count: 3 });
    expect(await value<DoNotCallPage>(core.dispatch('listDoNotCall', { query: 'complaints' }))).toMatchObject({ total: 1, entries: [{ number: '+14155550107' }] });

    expect(await core.dispatch('removeDoNotCall', { number: '+17025550111', confirm: '+1 702 555 0112' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/Type the number \+17025550111/) },
    });
    expect(await core.dispatch('removeDoNotCall', { number: '+12125550000', confirm: '+12125550000' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const after = await value<DoNotCallPage>(core.dispatch('removeDoNotCall', { number: '+17025550111', confirm: '(702) 555-0111' }));
    expect(after.count).toBe(2);
    const file = JSON.parse(readFileSync(join(dir, 'do-not-call.json'), 'utf8')) as { log: Array<{ action: string; detail: string }> };
    expect(file.log.at(-1)).toMatchObject({ action: 'remove', detail: '+17025550111 (from national-registry.csv)' });
  });

  it('marks a lead whose number is on the imported list as do-not-call in the list, the export and the lead view alike', async () => {
    core = await startCore(tempDir(), { now: NOON_NY });
    const priya = await leadNamed(core, 'Priya');
    const tom = await leadNamed(core, 'Tom');
    expect(priya.doNotCall).toBe(false);
    await value(core.dispatch('importDoNotCall', { fileName: 'dnc.csv', contentBase64: base64(`${priya.phone}\n`) }));
    await value(core.dispatch('recordOutcome', { leadId: tom.id, outcome: 'do-not-call' }));

    expect((await leadNamed(core, 'Priya')).doNotCall).toBe(true);
    expect((await leadNamed(core, 'Tom')).doNotCall).toBe(true);
    expect((await leadNamed(core, 'Dana')).doNotCall).toBe(false);
    const rows = Papa.parse<Record<string, string>>((await value<string>(core.dispatch('exportCsv', { kind: 'leads' }))).trim(), { header: true }).data;
    const flag = (id: string) => rows.find((r) => r.id === id)?.do_not_call;
    expect([flag(priya.id), flag(tom.id)]).toEqual(['yes', 'yes']);
    expect(rows.filter((r) => r.do_not_call === 'yes')).toHaveLength(2);
    const detail = await value<LeadDetail>(core.dispatch('getLead', { id: priya.id }));
    expect(detail.schedule).toMatchObject({ status: 'do-not-call', dialCheck: { allowed: false } });
  });
});
