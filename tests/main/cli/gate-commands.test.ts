import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { NumberCheck } from '../../../shared/contract/do-not-call.js';
import { cli } from '../../support/run-cli.js';
import { useTempDirs } from '../../support/temp-dir.js';

// Ada: main phone in New York, mobile in San Francisco. Bo: Boston.
const LEADS = 'First Name,Last Name,Company Name,Phone Number,Mobile Phone Number\nAda,Stone,Acme,+1 212 555 0101,+1 415 555 0107\nBo,Lind,Beta,+1 617 555 0102,\n';

async function folderWithLeads(dir: string): Promise<string> {
  const data = join(dir, 'data');
  writeFileSync(join(dir, 'leads.csv'), LEADS);
  expect((await cli(['import', join(dir, 'leads.csv'), '--data-dir', data])).code).toBe(0);
  return data;
}

const checkJson = async (data: string, number: string, at: string) => {
  const run = await cli(['check', number, '--at', at, '--json', '--data-dir', data]);
  expect(run.code).toBe(0);
  const lines = run.out.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as NumberCheck;
};

describe('cli check and dnc', () => {
  const tempDir = useTempDirs();

  it('check runs the dial gate on a lead\'s other number, a number of no lead, and one without a zone, exiting 0 either way', async () => {
    const data = await folderWithLeads(tempDir());
    // 11:00Z (daylight time since March 8): 7:00 in New York, 4:00 in San Francisco.
    const mobileAtNight = await checkJson(data, '+14155550107', '2026-03-10T11:00:00Z');
    expect(mobileAtNight).toMatchObject({ allowed: false, leadId: expect.any(String), zones: expect.arrayContaining(['America/New_York']) });
    expect(mobileAtNight.reason).toBe('United States: calls 8:00–21:00 local time (47 CFR 64.1200(c)(1); 16 CFR 310.4(c)); it is 7:00 in America/New_York');
    expect(mobileAtNight.legal).toEqual({ allowed: false, jurisdiction: 'US', rule: 'Calls 8:00–21:00 local time', source: '47 CFR 64.1200(c)(1); 16 CFR 310.4(c)' });
    expect(mobileAtNight.localTime).toBe('2026-03-10T07:00:00-04:00');

    // 17:00Z: 13:00 in New York, 10:00 in San Francisco; the rep's default hours are not the question here.
    const noon = await checkJson(data, '+14155550107', '2026-03-10T17:00:00Z');
    expect(noon.leadId).toBe(mobileAtNight.leadId);
    const stranger = await checkJson(data, '+13125550199', '2026-03-10T07:00:00Z');
    expect(stranger).toMatchObject({ allowed: false, leadId: null, zones: ['America/Chicago'], localTime: '2026-03-10T02:00:00-05:00' });
    expect(stranger.reason).toMatch(/ 2:00 in America\/Chicago/);
    expect(await checkJson(data, '+881631234567', '2026-03-10T17:00:00Z')).toMatchObject({ allowed: false, reason: expect.stringMatching(/No time zone/), zones: [] });

    const text = await cli(['check', '+1 (312) 555-0199', '--at', '2026-03-10T07:00:00Z', '--data-dir', data]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^\+13125550199: REFUSED/);
    expect(text.out).toMatch(/lead: +no lead/);

    expect((await cli(['check', '12', '--data-dir', data])).code).toBe(1);
    expect((await cli(['check', '+13125550199', '--at', 'yesterday', '--data-dir', data])).code).toBe(1);
  });

  it('dnc import and list share the list with check, stats and export', async () => {
    const dir = tempDir();
    const data = await folderWithLeads(dir);
    writeFileSync(join(dir, 'dnc.csv'), 'phone\n+1 617 555 0102\n(415) 555-0107\n');
    const imported = await cli(['dnc', 'import', join(dir, 'dnc.csv'), '--data-dir', data]);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/Imported 2 numbers .* \(2 new\); the list holds 2/);

    const listed = await cli(['dnc', 'list', '--data-dir', data]);
    const rows = Papa.parse<Record<string, string>>(listed.out.trim(), { header: true }).data;
    expect(rows).toEqual([
      { number: '+16175550102', source: join(dir, 'dnc.csv'), added_at: expect.stringMatching(/^\d{4}-/) },
      { number: '+14155550107', source: join(dir, 'dnc.csv'), added_at: expect.stringMatching(/^\d{4}-/) },
    ]);

    expect(await checkJson(data, '+16175550102', '2026-03-10T17:00:00Z')).toMatchObject({ allowed: false, reason: expect.stringMatching(/imported do-not-call list/) });
    // Ada's mobile is listed, her main phone is not: the number is refused, the lead stays callable on her main phone.
    expect(await checkJson(data, '+14155550107', '2026-03-10T17:00:00Z')).toMatchObject({ allowed: false, reason: expect.stringMatching(/imported do-not-call list/) });

    expect((await cli(['stats', '--data-dir', data])).out).toMatch(/Do not call: +1\n/);
    const exported = Papa.parse<Record<string, string>>((await cli(['export', 'leads', '--data-dir', data])).out.trim(), { header: true }).data;
    expect(exported.map((r) => [r.first_name, r.do_not_call])).toEqual([
      ['Ada', 'no'],
      ['Bo', 'yes'],
    ]);
    expect((await cli(['dnc', 'import', join(dir, 'missing.csv'), '--data-dir', data])).code).toBe(1);
  });
});
