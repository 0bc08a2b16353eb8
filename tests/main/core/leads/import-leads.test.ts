import { describe, expect, it } from 'vitest';
import { importLeads, previewImport } from '../../../../main/core/leads/import-leads.js';
import { LeadStore } from '../../../../main/core/store/lead-store.js';
import { makeLead } from '../../../support/fixtures.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const MESSY = [
  '\uFEFFFirst Name;Last Name;Company;Work Phone;Mobile Phone;Time Zone;Referred By',
  'Dana;Whitfield;"Harbor; Logistics";(212) 555-0101 x 45;;Eastern Time (US & Canada);Sam',
  ';;;212-555-0199;;;',
  'Omar;;;555-12;(415) 555-0107;America/Los_Angeles;',
  'Ana;Ruiz;Acme;not a number;;;',
  'Ben;Adler;Northwind;;;;',
  'Dup;Licate;Other;212.555.0101;;;',
  'Lee;Park;"Foo ""Bar"" Inc";+44 20 7946 0018;;Europe/London;',
  'Total: 7 records;;;;;;',
].join('\r\n');

describe('importLeads', () => {
  const tempDir = useTempDirs();
  const now = new Date('2026-11-28T10:00:00Z');

  it('imports the good rows and reports every other row with its reason', async () => {
    const store = await LeadStore.open(tempDir());
    const report = await importLeads(store, new TextEncoder().encode(MESSY), 'crm.csv', { defaultCountry: 'US', now });
    expect(report.total).toBe(7);
    expect(report.imported).toBe(3);
    expect(report.rejected.map(({ row, reason }) => ({ row, reason }))).toEqual([
      { row: 3, reason: 'neither a name nor a company' },
      { row: 5, reason: '"not a number" is not a valid phone number for US' },
      { row: 6, reason: 'no phone number' },
      { row: 7, reason: 'duplicate phone +12125550101: same as row 2' },
    ]);
    const dana = store.leadByPhone('+12125550101')!;
    expect(dana).toMatchObject({ firstName: 'Dana', company: 'Harbor; Logistics', extension: '45', referrer: 'Sam', timeZoneInput: 'Eastern Time (US & Canada)', timeZone: 'America/New_York' });
    expect(dana.zones).toMatchObject({ zones: ['America/New_York'], source: 'import' });
    // The first valid phone column is dialled; an invalid first column falls through to the next.
    expect(store.leadByPhone('+14155550107')).toMatchObject({ firstName: 'Omar', timeZone: 'America/Los_Angeles' });
    expect(store.leadByPhone('+442079460018')?.company).toBe('Foo "Bar" Inc');
    await store.close();
  });

  it('places each lead by its number and its State/Country cells, and reports a zone or place it cannot read, row by row', async () => {
    const store = await LeadStore.open(tempDir());
    const csv = [
      'Name,Company,Phone,Time Zone,Mailing State/Province,Mailing Country',
      'Mia Ruiz,Sol,(305) 555-0123,,,',
      'Tex Hill,Lone,(214) 555-0123,Central Time,Florida,United States',
      'Ann Roy,Gaule,+33 1 55 55 01 23,Europe/Paris,,France',
      'Bad Zone,Acme,(212) 555-0140,12,,',
      'Bad State,Acme,(212) 555-0141,,Flordia,USA',
      'Bad Country,Acme,(212) 555-0142,,,Atlantis',
      'Québec Inc,Érable,(514) 555-0143,,Québec,Canada',
    ].join('\n');
    const report = await importLeads(store, new TextEncoder().encode(csv), 'crm.csv', { defaultCountry: 'US', now });
    expect(report.rejected.map(({ row, reason }) => ({ row, reason }))).toEqual([
      { row: 5, reason: 'time zone "12" is not a zone Dialdesk can read (use a name such as America/New_York or "Eastern Time", or leave the cell empty)' },
      { row: 6, reason: 'state "Flordia" is not a state or province of United States' },
      { row: 7, reason: 'country "Atlantis" is not a country Dialdesk knows' },
    ]);
    expect(store.leadByPhone('+13055550123')?.zones).toMatchObject({ zones: ['America/New_York'], places: ['US-FL'] });
    // A Dallas number whose address is in Florida: held to Texas and Florida; the CRM's zone joins the number's.
    const tex = store.leadByPhone('+12145550123')!;
    expect(tex.address).toEqual({ state: 'Florida', country: 'United States' });
    expect(tex.zones).toMatchObject({ zones: ['America/Chicago'], places: ['US-TX', 'US-FL'] });
    expect(store.leadByPhone('+33155550123')?.zones).toMatchObject({ zones: ['Europe/Paris'], places: ['FR'] });
    expect(store.leadByPhone('+15145550143')?.zones).toMatchObject({ places: ['CA-QC'] });
    await store.close();
  });

  it('reports a phone already in the list and keeps other numbers of a lead', async () => {
    const store = await LeadStore.open(tempDir());
    await store.addLeads([makeLead({ phone: '+12125550101', firstName: 'Existing', lastName: 'Lead' })]);
    const csv = 'Name,Company,Phone,Mobile\nDana W,Harbor,212-555-0101,\nOmar Q,Acme,212-555-0102,(212) 555-0103\n';
    const report = await importLeads(store, new TextEncoder().encode(csv), 'b.csv', { defaultCountry: 'US', now });
    expect(report.rejected).toEqual([{ row: 2, reason: 'duplicate phone +12125550101: already in your list as Existing Lead', excerpt: 'Dana W, Harbor, 212-555-0101' }]);
    expect(store.leadByPhone('+12125550102')).toMatchObject({ firstName: 'Omar', lastName: 'Q', otherPhones: ['+12125550103'] });
    await store.close();
  });

  it('changes nothing when the file is not CSV', async () => {
    const store = await LeadStore.open(tempDir());
    await expect(importLeads(store, Uint8Array.from([0, 1, 2, 3]), 'x.xlsx', { defaultCountry: 'US', now })).rejects.toThrow(/not a CSV/);
    expect(store.leadCount).toBe(0);
    await store.close();
  });

  it('previews with the detected encoding, separator, guesses and sample rows', () => {
    const preview = previewImport(new TextEncoder().encode(MESSY), 'crm.csv');
    expect(preview).toMatchObject({ encoding: 'utf-8', delimiter: ';', rowCount: 7, footerLines: 1 });
    expect(preview.mapping.phones).toEqual([3, 4]);
    expect(preview.sampleRows[0][0]).toBe('Dana');
  });
});
