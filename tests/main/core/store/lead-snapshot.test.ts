import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LeadSnapshot } from '../../../../main/core/store/lead-snapshot.js';
import { LEADS_SCHEMA_VERSION } from '../../../../main/core/store/migrations.js';
import { makeLead } from '../../../support/fixtures.js';
import { useTempDirs } from '../../../support/temp-dir.js';

describe('LeadSnapshot', () => {
  const tempDir = useTempDirs();

  it('writes valid JSON with one lead per line and reads it back', async () => {
    const path = join(tempDir(), 'leads.json');
    const leads = [makeLead({ notes: 'line one\nline two, "quoted"' }), makeLead(), makeLead()];
    const { snapshot } = await LeadSnapshot.open(path);
    await snapshot.write(leads);
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toEqual({ schemaVersion: LEADS_SCHEMA_VERSION, leads });
    expect(text.trimEnd().split('\n')).toHaveLength(leads.length + 2);
    expect((await LeadSnapshot.open(path)).snapshot.data.leads).toEqual(leads);
  });

  it('refuses a file cut off before its closing line instead of dropping the leads after the cut', async () => {
    const path = join(tempDir(), 'leads.json');
    const { snapshot } = await LeadSnapshot.open(path);
    await snapshot.write([makeLead(), makeLead(), makeLead()]);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.slice(0, text.lastIndexOf(']}')));
    await expect(LeadSnapshot.open(path)).rejects.toThrow(/cut off/);
    writeFileSync(path, text.replace(/\n\{"id"/, '\n{"id" broken'));
    await expect(LeadSnapshot.open(path)).rejects.toThrow(/line 2 is not a valid lead/);
  });

  it('reads a compact single-line file and rewrites it in the current layout when migrating', async () => {
    const path = join(tempDir(), 'leads.json');
    const { zones: _zones, ...oldLead } = makeLead();
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, leads: [oldLead] }));
    const opened = await LeadSnapshot.open(path);
    expect(opened).toMatchObject({ existed: true, migrated: true });
    expect(opened.snapshot.data.leads[0]).toEqual({ ...oldLead, zones: null });
    expect(readFileSync(path, 'utf8').startsWith(`{"schemaVersion":${LEADS_SCHEMA_VERSION},"leads":[\n`)).toBe(true);
  });
});
