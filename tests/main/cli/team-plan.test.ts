/**
 * `plan` in a team folder: leads another rep holds (as of the last sync) are not planned here.
 * No database needed: team.json is written as a sync leaves it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openTeamFile } from '../../../main/core/team/team-file.js';
import { cli } from '../../support/run-cli.js';
import { useTempDirs } from '../../support/temp-dir.js';

const tempDir = useTempDirs();

const CSV = 'Name,Company,Phone\nAnn Lee,Acme,+12125550101\nBo Diaz,Beta,+12125550102\n';

describe('plan in a team', () => {
  it('leaves out the leads another rep holds', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'leads.csv'), CSV);
    expect((await cli(['import', join(dir, 'leads.csv'), '--country', 'US', '--data-dir', dir])).code).toBe(0);
    const planned = async () =>
      Papa.parse<Record<string, string>>((await cli(['plan', '--from', '2026-12-01T00:00:00Z', '--days', '3', '--data-dir', dir])).out, {
        header: true,
        skipEmptyLines: true,
      }).data.map((r) => r.phone);
    expect(new Set(await planned())).toEqual(new Set(['+12125550101', '+12125550102']));

    const file = await openTeamFile(dir, new Date());
    Object.assign(file.db.data, {
      url: 'postgres://dialdesk_ann@127.0.0.1:1/team',
      role: 'dialdesk_ann',
      repName: 'Ann',
      joinedAt: new Date().toISOString(),
      lastSyncAt: new Date().toISOString(),
      heldByOthers: ['+12125550102'],
    });
    await file.db.write();
    expect(new Set(await planned())).toEqual(new Set(['+12125550101']));
  });
});
