import { randomUUID } from 'node:crypto';
import type { ColumnMapping, ImportPreview, ImportReport, RejectedRow } from '../../../shared/contract/index.js';
import type { Lead } from '../../../shared/domain.js';
import type { LeadStore } from '../store/lead-store.js';
import { resolveLeadZones } from '../timezones/resolve-lead-zones.js';
import { guessMapping } from './guess-mapping.js';
import { leadFromRow } from './lead-from-row.js';
import { parseCsv } from './parse-csv.js';

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

/**
 * Imports every good row and reports every other one with its reason. A file
 * that cannot be read at all throws before anything changes.
 */
export async function importLeads(
  store: LeadStore,
  bytes: Uint8Array,
  fileName: string,
  options: {
    mapping?: ColumnMapping;
    defaultCountry: string;
    now: Date;
    /** Called every PROGRESS_EVERY rows and at the end. */
    onProgress?: (done: number, total: number) => void;
  },
): Promise<ImportReport> {
  const csv = parseCsv(bytes, fileName);
  const mapping = options.mapping ?? guessMapping(csv.headers);
  checkMapping(mapping, csv.headers.length);
  const createdAt = options.now.toISOString();
  const accepted: Lead[] = [];
  const rowByPhone = new Map<string, number>();
  const rejected: RejectedRow[] = [];

  let done = 0;
  for (const { row, cells, problem, excerpt: start } of csv.rows) {
    if (done++ % PROGRESS_EVERY === 0 && done > 1) {
      options.onProgress?.(done - 1, csv.rows.length);
      // Let the event loop breathe, so progress reaches the screen and calls keep being answered.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const reject = (reason: string) => rejected.push({ row, reason, excerpt: start ?? excerpt(cells) });
    if (problem !== undefined) {
      reject(problem);
      continue;
    }
    const result = leadFromRow(cells, mapping, options.defaultCountry);
    if (!result.ok) {
      reject(result.reason);
      continue;
    }
    const { phone } = result.lead;
    const existing = store.leadByPhone(phone);
    if (existing) {
      reject(`duplicate phone ${phone}: already in your list as ${describeLead(existing)}`);
      continue;
    }
    const earlierRow = rowByPhone.get(phone);
    if (earlierRow !== undefined) {
      reject(`duplicate phone ${phone}: same as row ${earlierRow}`);
      continue;
    }
    rowByPhone.set(phone, row);
    const zones = await resolveLeadZones(result.lead, { defaultCountry: options.defaultCountry });
    accepted.push({ id: randomUUID(), ...result.lead, zones, createdAt, updatedAt: createdAt });
  }
  if (accepted.length > 0) await store.addLeads(accepted);
  options.onProgress?.(csv.rows.length, csv.rows.length);
  return { fileName, total: csv.rows.length, imported: accepted.length, rejected, rejectedCount: rejected.length };
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
