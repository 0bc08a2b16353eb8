/**
 * The CLI's commands that read or write files: import a CRM export (with
 * progress and a full report of rejected rows) and export leads or attempts,
 * streamed so a million attempts never sit in memory.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Lead } from '../../shared/domain.js';
import { csvLine } from '../core/leads/csv-line.js';
import { exportAttemptsCsv, exportLeadsCsv, exportQuarantineCsv } from '../core/leads/export-csv.js';
import { importLeads } from '../core/leads/import-leads.js';
import type { LeadStore } from '../core/store/lead-store.js';
import { CliError } from './cli-error.js';
import { MAX_IMPORT_FILE_BYTES, readBoundedFile } from './read-bounded-file.js';

/** Rejected rows printed to the terminal; the rest are counted (and all written with --report). */
const REJECTED_ROWS_PRINTED = 50;

export async function importCommand(
  store: LeadStore,
  file: string | undefined,
  options: { country: string; report?: string },
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  if (!file) throw new CliError('import needs a FILE.');
  const bytes = readBoundedFile(file, MAX_IMPORT_FILE_BYTES, 'Split it into smaller files and import each.', (message) => new CliError(message));
  const progress = progressLine(err, `Importing ${file}`);
  // The full report is written as rows are rejected, so a broken file's million rejections never sit in memory.
  const reportFile = options.report ? createWriteStream(options.report) : null;
  reportFile?.write(csvLine(['row', 'reason', 'excerpt']));
  const report = await importLeads(store, bytes, file, {
    defaultCountry: options.country.toUpperCase(),
    now: new Date(),
    onProgress: progress.update,
    keepRejected: REJECTED_ROWS_PRINTED,
    onRejected: reportFile ? (r) => reportFile.write(csvLine([r.row, r.reason, r.excerpt])) : undefined,
  });
  progress.end();
  if (reportFile) await closeStream(reportFile);
  out.write(`Imported ${report.imported} of ${report.total} rows from ${file}.\n`);
  if (report.rejectedCount > 0) {
    out.write(`${report.rejectedCount} rows were not imported:\n`);
    for (const r of report.rejected) out.write(`  row ${r.row}: ${r.reason}${r.excerpt ? ` (${r.excerpt})` : ''}\n`);
    const more = report.rejectedCount - report.rejected.length;
    if (more > 0) out.write(`  … and ${more} more${options.report ? '' : ' (--report FILE writes them all)'}\n`);
  }
  if (options.report) out.write(`Wrote the ${report.rejectedCount} rejected rows to ${options.report}.\n`);
  if (report.imported === 0) {
    err.write(`Nothing was imported from ${file}.\n`);
    return 1;
  }
  return 0;
}

/** One progress line, rewritten in place on a terminal and printed once every tenth elsewhere (logs, CI). */
function progressLine(err: NodeJS.WritableStream, label: string) {
  const tty = (err as NodeJS.WriteStream).isTTY === true;
  let lastTenth = -1;
  return {
    update(rows: number, fraction: number): void {
      const text = `${label}: ${rows.toLocaleString('en-US')} rows read (${Math.floor(100 * fraction)}%)`;
      const tenth = Math.floor(10 * fraction);
      if (tty) err.write(`\r${text}`);
      else if (tenth !== lastTenth) err.write(`${text}\n`);
      lastTenth = tenth;
    },
    end(): void {
      if (tty && lastTenth !== -1) err.write('\n');
    },
  };
}

export async function exportCommand(
  store: LeadStore,
  kind: string | undefined,
  file: string | undefined,
  out: NodeJS.WritableStream,
  isDoNotCall: (lead: Lead) => boolean,
): Promise<number> {
  if (kind !== 'leads' && kind !== 'attempts' && kind !== 'quarantine') throw new CliError('export needs "leads", "attempts" or "quarantine".');
  const chunks = kind === 'leads' ? exportLeadsCsv(store, isDoNotCall) : kind === 'attempts' ? exportAttemptsCsv(store) : exportQuarantineCsv(store.quarantine.all());
  await writeChunks(chunks, file, out);
  return 0;
}

/** Streams text to FILE, or to standard output without one, minding back-pressure. */
async function writeChunks(chunks: Iterable<string>, file: string | undefined, out: NodeJS.WritableStream): Promise<void> {
  const fileStream = file ? createWriteStream(file) : null;
  const target = fileStream ?? out;
  for (const chunk of chunks) {
    if (!target.write(chunk)) await once(target, 'drain');
  }
  if (fileStream) await closeStream(fileStream);
}

function closeStream(stream: NodeJS.WritableStream & { once(event: 'error', listener: (error: Error) => void): unknown }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}
