/**
 * `npm run bench -- --only import`: a 100,000-row CRM export (Apollo's
 * columns: several phones per lead, quoted cells, accents) and 50 MB of
 * garbage, each imported into a fresh store by plain node in its own process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForNode } from '../support/bundle-for-node.js';
import { seededRandom } from '../../main/core/schedule/seeded-random.js';
import type { BenchReport } from './bench-report.js';

const ROWS = 100_000;
const AREA_CODES = ['212', '312', '415', '617', '702', '305', '404', '512', '206', '303'];

export function crmExport(rows: number): string {
  const header = 'First Name,Last Name,Title,Company,Email,Work Direct Phone,Mobile Phone,Corporate Phone,City,State,Notes';
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const area = AREA_CODES[i % AREA_CODES.length];
    // Unique per row and kind: exchange 200–899 and line from the row number.
    const phone = (kind: number) => `(${area}) ${200 + ((i + kind * 233) % 700)}-${String((Math.floor(i / 700) + kind * 1_000) % 10_000).padStart(4, '0')}`;
    lines.push(
      [
        `Zoë${i}`, `Müller-${i}`, 'Head of Operations', `"Harbor, Logistics ${i % 977}"`, `zoe${i}@example.com`,
        phone(0), phone(1), phone(2), 'New York', 'NY', `"Met at the expo; asked about ""pricing"""`,
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Printable junk with the odd separator and quote: what a mis-picked log or dump looks like to a CSV reader. */
function garbage(bytes: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,;|\t\n';
  const next = seededRandom(12345);
  const out: string[] = [];
  for (let i = 0; i < bytes; i++) out.push(alphabet[Math.floor(next() * alphabet.length)]);
  return out.join('');
}

export async function benchmarkImport(report: BenchReport): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dialdesk-import-bench-'));
  try {
    const child = await bundleForNode(join(import.meta.dirname, 'import-bench-child.ts'), 'import-bench-child');
    const run = (file: string, name: string) =>
      JSON.parse(execFileSync(process.execPath, [child, file, join(dir, name)], { encoding: 'utf8', maxBuffer: 1 << 20 })) as {
        ms: number; peakRssMb: number; imported: number; rejected: number;
      };

    const crm = join(dir, 'crm-100k.csv');
    writeFileSync(crm, crmExport(ROWS));
    const good = run(crm, 'crm');
    report.note(`${good.imported.toLocaleString('en-US')} imported, ${good.rejected} rejected`);
    report.figure('import.100k_ms', good.ms, { label: 'import a 100,000-row CRM export', unit: 'ms', target: { max: 4_000 } });
    report.figure('import.100k_peak_rss_mb', good.peakRssMb, { label: 'peak RSS importing 100,000 rows', unit: 'MB', target: { max: 400 } });

    const junk = join(dir, 'junk-50mb.csv');
    // Behind a real header, so every junk line is read as a row and reported (the case that once printed 495,000 lines).
    writeFileSync(junk, `Name,Company,Phone\n${garbage(50 * 1024 * 1024)}`);
    const bad = run(junk, 'junk');
    report.note(`50 MB of garbage: ${bad.imported} imported, ${bad.rejected.toLocaleString('en-US')} rows rejected`);
    report.figure('import.garbage_50mb_ms', bad.ms, { label: 'read 50 MB of garbage', unit: 'ms' });
    report.figure('import.garbage_50mb_peak_rss_mb', bad.peakRssMb, { label: 'peak RSS reading 50 MB of garbage', unit: 'MB', target: { max: 400 } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
