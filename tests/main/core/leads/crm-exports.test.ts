import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../../main/core/leads/guess-mapping.js';
import { importLeads } from '../../../../main/core/leads/import-leads.js';
import { LeadStore } from '../../../../main/core/store/lead-store.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const DIR = join(import.meta.dirname, '../../../fixtures/crm-exports');
const now = new Date('2026-11-28T10:00:00Z');

/** Each fixture is one CRM's real header row and one lead: Dana Whitfield of Harbor Logistics, work phone first, then her mobile where the CRM exports one. */
const WITHOUT_MOBILE = new Set(['close.csv']);
describe('CRM exports import with no mapping by hand', () => {
  const tempDir = useTempDirs();
  const files = readdirSync(DIR).filter((f) => f.endsWith('.csv'));

  it('has a fixture for each CRM the guesses name', () => {
    expect(files.map((f) => f.replace('.csv', '')).sort()).toEqual(
      ['apollo', 'close', 'dynamics-365', 'freshsales', 'hubspot', 'outreach', 'pipedrive', 'salesforce', 'salesloft', 'zoho-crm'],
    );
  });

  it.each(files)('%s: name, company, the work phone dialled, the mobile kept', async (file) => {
    const store = await LeadStore.open(tempDir());
    const report = await importLeads(store, readFileSync(join(DIR, file)), file, { defaultCountry: 'US', now });
    expect(report.rejected).toEqual([]);
    expect(report.imported).toBe(1);
    const lead = store.leadByPhone('+12125550101');
    expect(lead).toMatchObject({ firstName: 'Dana', lastName: 'Whitfield', company: 'Harbor Logistics', doNotCall: false });
    if (!WITHOUT_MOBILE.has(file)) expect(lead?.otherPhones).toContain('+19175550102');
    await store.close();
  });

  it('reads the field after an entity prefix: "Organization - Name" is the company, "Lead - Title" is not a name', () => {
    const mapping = guessMapping(['Lead - Title', 'Organization - Name', 'Person - Name', 'Person - Phone - Mobile', 'Organization - Phone']);
    expect(mapping).toMatchObject({ fullName: 2, company: 1, phones: [3, 4] });
  });

  it('leaves columns about a phone, and numbers that are not phones, out of the phone columns', () => {
    const mapping = guessMapping(['Name', 'Account Number', 'Phone Type', 'Phone', 'Fax', 'Mobile Phone Verified', 'Hotel', 'Work Email', 'Work']);
    expect(mapping.phones).toEqual([3, 8]);
  });

  it('imports a CRM do-not-call flag as do-not-call', async () => {
    const store = await LeadStore.open(tempDir());
    const csv = 'First Name,Last Name,Phone,Do Not Call\nAda,Stone,212-555-0101,Yes\nBo,Lind,212-555-0102,false\nCy,Moe,212-555-0103,1\n';
    await importLeads(store, new TextEncoder().encode(csv), 'sf.csv', { defaultCountry: 'US', now });
    expect(['+12125550101', '+12125550102', '+12125550103'].map((p) => store.leadByPhone(p)?.doNotCall)).toEqual([true, false, true]);
    await store.close();
  });

  it('splits one full-name column for {first_name} and keeps the name as written', async () => {
    const store = await LeadStore.open(tempDir());
    const rows = ['"Whitfield, Dana"', 'Dr. Anna van der Berg', 'Prof. Maria de la Cruz', 'Siobhán Ní Bhriain', "Mr. John O'Neil Jr.", 'Cher'];
    const csv = `Full Name,Phone\n${rows.map((name, i) => `${name},212-555-01${10 + i}`).join('\n')}\n`;
    await importLeads(store, new TextEncoder().encode(csv), 'names.csv', { defaultCountry: 'US', now });
    const names = rows.map((_, i) => store.leadByPhone(`+12125550${110 + i}`)).map((l) => [l?.firstName, l?.lastName, l?.fullName]);
    expect(names).toEqual([
      ['Dana', 'Whitfield', 'Whitfield, Dana'],
      ['Anna', 'van der Berg', 'Dr. Anna van der Berg'],
      ['Maria', 'de la Cruz', 'Prof. Maria de la Cruz'],
      ['Siobhán', 'Ní Bhriain', 'Siobhán Ní Bhriain'],
      ['John', "O'Neil", "Mr. John O'Neil Jr."],
      ['Cher', '', 'Cher'],
    ]);
    await store.close();
  });
});
