import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportAttemptsCsv, exportLeadsCsv } from '../../../../main/core/leads/export-csv.js';
import { csvLine } from '../../../../main/core/leads/csv-line.js';
import { LeadStore } from '../../../../main/core/store/lead-store.js';
import { makeAttempt, makeLead } from '../../../support/fixtures.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const HOSTILE = ['=HYPERLINK("http://evil.example","Click")', '+1+cmd|\' /C calc\'!A0', '-2+3+cmd|x', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];

describe('CSV export defuses formulas', () => {
  const tempDir = useTempDirs();

  it('prefixes a cell that a spreadsheet would run with a quote, and leaves E.164 numbers and plain text alone', () => {
    const [cells] = Papa.parse<string[]>(csvLine([...HOSTILE, '+12125550101', 'Dana', 42, null]).trim()).data;
    expect(cells.slice(0, HOSTILE.length)).toEqual(HOSTILE.map((v) => `'${v}`));
    expect(cells.slice(HOSTILE.length)).toEqual(['+12125550101', 'Dana', '42', '']);
  });

  it('applies to the leads and the attempts exports', async () => {
    const store = await LeadStore.open(tempDir());
    const lead = makeLead({ firstName: HOSTILE[0], company: HOSTILE[3], notes: HOSTILE[2] });
    await store.addLeads([lead]);
    await store.recordAttempt(makeAttempt(lead.id, 'no-answer', '2026-11-28T15:00:00.000Z', { note: HOSTILE[1] }));
    const leads = [...exportLeadsCsv(store, () => false)].join('');
    const attempts = [...exportAttemptsCsv(store)].join('');
    for (const text of [leads, attempts]) {
      const rows = Papa.parse<string[]>(text.trim()).data.slice(1);
      for (const cell of rows.flat()) expect(cell).not.toMatch(/^(?!\+\d+$)[=+\-@\t\r]/);
    }
    expect(leads).toContain(`'${HOSTILE[0].replaceAll('"', '""')}`);
    expect(attempts).toContain(`'${HOSTILE[1]}`);
    await store.close();
  });
});
