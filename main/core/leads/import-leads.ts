import { randomUUID } from 'node:crypto';
import type { ColumnMapping, ImportPreview, ImportReport, RejectedRow } from '../../../shared/contract/index.js';
import type { Lead } from '../../../shared/domain.js';
import type { LeadStore } from '../store/lead-store.js';
import { resolveLeadZones } from '../compliance/resolve-lead-zones.js';
import { guessMapping } from './guess-mapping.js';
import { leadFromRow } from './lead-from-row.js';
import { parseCsv, streamCsv } from './parse-csv.js';

const SAMPLE_ROWS = 20;
const PROGRESS_EVERY = 2_000;

export function previewImport(bytes: Uint8Array, fileName: string): ImportPreview {
  const csv = parseCsv(bytes, fileName);
  return {
    fileName,
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    headers: csv.headers,
    rowCount: csv.rows.length,
    sampleRows: csv.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells),
    mapping: guessMapping(csv.headers),
    footerLines: csv.footerLines,
  };
}

/** How far an import is: rows read so far and the share of the work done (0…1). */
export type ImportProgress = (rowsRead: number, fraction: number) => void;

/** Reading and checking rows is most of an import; resolving the accepted leads' zones is the rest. */
const READ_SHARE = 0.9;

/**
 * Imports every good row and reports every other one with its reason. A file
 * that cannot be read at all throws before anything changes: rows are read
 * one at a time and only the accepted leads are kept until the one write.
 */
export async function importLeads(
  store: LeadStore,
  bytes: Uint8Array,
  fileName: string,
  options: {
    mapping?: ColumnMapping;
    defaultCountry: string;
    now: Date;
    onProgress?: ImportProgress;
    /** How many rejected rows the report holds (the count is always whole); a broken file can reject a million. */
    keepRejected?: number;
    /** Every rejected row, as it is found: for a full report written as the file is read. */
    onRejected?: (row: RejectedRow) => void;
  },
): Promise<ImportReport> {
  const createdAt = options.now.toISOString();
  // Each accepted row becomes its lead once (its zones filled in below): 100,000 leads built twice were a
  // second 100,000 objects alive at the peak of the import's memory.
  const read: Lead[] = [];
  const rowByPhone = new Map<string, number>();
  const rejected: RejectedRow[] = [];
  const keepRejected = options.keepRejected ?? Infinity;
  let rejectedCount = 0;
  let mapping: ColumnMapping | null = null;
  let total = 0;

  await streamCsv(bytes, fileName, {
    head: ({ headers }) => {
      mapping = options.mapping ?? guessMapping(headers);
      checkMapping(mapping, headers.length);
    },
    row: ({ row, cells, problem, excerpt: start }) => {
      total += 1;
      const reject = (reason: string) => {
        const entry = { row, reason, excerpt: start ?? excerpt(cells) };
        rejectedCount += 1;
        if (rejected.length < keepRejected) rejected.push(entry);
        options.onRejected?.(entry);
      };
      if (problem !== undefined) return reject(problem);
      const result = leadFromRow(cells, mapping!, options.defaultCountry);
      if (!result.ok) return reject(result.reason);
      const { phone } = result.lead;
      const existing = store.leadByPhone(phone);
      if (existing) return reject(`duplicate phone ${phone}: already in your list as ${describeLead(existing)}`);
      const earlierRow = rowByPhone.get(phone);
      if (earlierRow !== undefined) return reject(`duplicate phone ${phone}: same as row ${earlierRow}`);
      rowByPhone.set(phone, row);
      read.push({ id: randomUUID(), ...result.lead, zones: null, createdAt, updatedAt: createdAt });
    },
    progress: (fraction) => options.onProgress?.(total, READ_SHARE * fraction),
  });

  rowByPhone.clear();
  for (const [i, lead] of read.entries()) {
    if (i > 0 && i % PROGRESS_EVERY === 0) {
      options.onProgress?.(total, READ_SHARE + ((1 - READ_SHARE) * i) / read.length);
      // Let the event loop breathe, so progress reaches the screen and calls keep being answered.
      await new Promise((resolve) => setImmediate(resolve));
    }
    lead.zones = await resolveLeadZones(lead, { defaultCountry: options.defaultCountry });
  }
  const accepted = read;
  if (accepted.length > 0) await store.addLeads(accepted);
  options.onProgress?.(total, 1);
  return { fileName, total, imported: accepted.length, rejected, rejectedCount };
}

/** Column indexes come from the renderer; an index past the header is a stale mapping. */
function checkMapping(mapping: ColumnMapping, columns: number): void {
  const indexes = [...mapping.phones, ...Object.values(mapping).filter((v): v is number => typeof v === 'number')];
  const outOfRange = indexes.find((i) => i >= columns);
  if (outOfRange !== undefined) {
    throw new MappingError(`The mapping names column ${outOfRange + 1}, but the file has only ${columns} columns.`);
  }
  if (mapping.phones.length === 0) throw new MappingError('Choose at least one phone column.');
}

export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

function describeLead(lead: Lead): string {
  return [lead.firstName, lead.lastName].filter(Boolean).join(' ') || lead.company;
}

function excerpt(cells: string[]): string {
  const text = cells.filter(Boolean).join(', ');
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
