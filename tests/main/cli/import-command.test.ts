import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { LeadStore } from '../../../main/core/store/lead-store.js';
import { MAX_IMPORT_FILE_BYTES } from '../../../main/cli/read-bounded-file.js';
import { cli } from '../../support/run-cli.js';
import { useTempDirs } from '../../support/temp-dir.js';

describe('cli import on big and hostile files', () => {
  const tempDir = useTempDirs();

  it('refuses a file over the size limit with a clear message before reading it, and imports nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'everything.csv');
    writeFileSync(file, 'Name,Company,Phone\n');
    // Sparse: the size is what is checked, no disk is used.
    truncateSync(file, MAX_IMPORT_FILE_BYTES + 1);
    const result = await cli(['import', file, '--data-dir', join(dir, 'data')]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${file} is 100 MB; this command reads files up to 100 MB. Split it into smaller files and import each.`);
    expect(readdirSync(join(dir, 'data'))).not.toContain('leads.json');
  });

  it('prints the first 50 rejected rows and the count, writes them all with --report, and exits non-zero when nothing came in', async () => {
    const dir = tempDir();
    const file = join(dir, 'junk.csv');
    const rows = Array.from({ length: 3_000 }, (_, i) => `Person ${i},Acme,not-a-phone-${i}`);
    writeFileSync(file, `Name,Company,Phone\n${rows.join('\n')}\n`);
    const result = await cli(['import', file, '--report', join(dir, 'report.csv'), '--data-dir', join(dir, 'data')]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Nothing was imported');
    expect(result.out).toContain('3000 rows were not imported');
    expect(result.out.split('\n').filter((l) => /^ {2}row \d+:/.test(l))).toHaveLength(50);
    expect(result.out).toContain('… and 2950 more');
    // Progress goes to standard error, a line a tenth when it is not a terminal.
    const progress = result.err.split('\n').filter((line) => line.startsWith('Importing '));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThanOrEqual(11);
    expect(progress.at(-1)).toMatch(/junk\.csv: 3,000 rows read \(100%\)$/);
    const report = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'report.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(report).toHaveLength(3_000);
    expect(report[2999]).toMatchObject({ row: '3001', reason: '"not-a-phone-2999" is not a valid phone number for US' });
  });

  it('caps a cell and a row, strips NULs, and still imports the good rows', async () => {
    const dir = tempDir();
    const file = join(dir, 'hostile.csv');
    const huge = 'x'.repeat(70 * 1024);
    const lines = [
      'Name,Company,Phone,Notes',
      `Dana W\u0000,Harbor,212-555-0101,ok`,
      `Big Cell,Acme,212-555-0102,${huge}`,
      `Wide Row,Acme,212-555-0103,${Array.from({ length: 1_200 }, () => 'y').join(',')}`,
      'Omar Q,Acme,212-555-0104,fine',
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = await cli(['import', file, '--data-dir', join(dir, 'data')]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Imported 2 of 4 rows');
    expect(result.out).toMatch(/row 3: the row has a cell of 70 KB \(the most a cell may hold is 64 KB\)/);
    expect(result.out).toMatch(/row 4: the row has 1203 cells/);
    expect(result.out.length).toBeLessThan(2_000);
    const store = await LeadStore.open(join(dir, 'data'));
    expect(store.leadByPhone('+12125550101')?.firstName).toBe('Dana');
    expect(store.leadByPhone('+12125550101')?.lastName).toBe('W');
    await store.close();
  });

  it('reads UTF-16 text that Excel saves as "Unicode text"', async () => {
    const dir = tempDir();
    const file = join(dir, 'unicode.txt');
    const text = 'First Name\tLast Name\tPhone\r\nJürgen\tMüller\t212-555-0101\r\n';
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = await cli(['import', file, '--data-dir', join(dir, 'data')]);
    expect(result.code).toBe(0);
    const store = await LeadStore.open(join(dir, 'data'));
    expect(store.leadByPhone('+12125550101')).toMatchObject({ firstName: 'Jürgen', lastName: 'Müller' });
    await store.close();
  });
});
