import Papa from 'papaparse';
import { decodeText, looksBinary, type TextEncoding } from '../text/decode-text.js';

/** A cell past this is not a lead's data but a broken or hostile file; its row is reported, not imported. */
export const MAX_CELL_CHARS = 64 * 1024;
/** A row past this many characters or cells likewise. */
export const MAX_ROW_CHARS = 256 * 1024;
export const MAX_COLUMNS = 1_000;

export interface CsvRow {
  /** 1-based row number as a spreadsheet shows it (header = row 1). */
  row: number;
  cells: string[];
  /** Why the row cannot be read as a lead at all (too large); its cells are then dropped. */
  problem?: string;
  /** The row's start, for the report when its cells were dropped. */
  excerpt?: string;
}

export interface CsvHead {
  encoding: TextEncoding;
  delimiter: string;
  headers: string[];
}

export interface ParsedCsv extends CsvHead {
  rows: CsvRow[];
  footerLines: number;
}

/** The file as a whole cannot be imported; nothing is changed. */
export class CsvFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFileError';
  }
}

export interface CsvVisitor {
  /** The header row, before any data row; may throw to stop the read (a mapping that does not fit). */
  head(head: CsvHead): void;
  /** Each data row in file order; report footers ("Total: 120 records") are not visited. */
  row(row: CsvRow): void;
}

/** Papa hands rows over a megabyte at a time: the file's rows are never all held at once. */
const CHUNK_CHARS = 1 << 20;

/** Every row at once, synchronously: for previews, tests and small files. */
export function parseCsv(bytes: Uint8Array, fileName: string): ParsedCsv {
  const rows: CsvRow[] = [];
  let head: CsvHead | null = null;
  const reader = new CsvRowReader(fileName, { head: (h) => (head = h), row: (r) => rows.push(r) });
  const { body, delimiter } = openText(bytes, fileName, reader);
  // With no pause, Papa reads a string's chunks one after another before it returns.
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    chunkSize: CHUNK_CHARS,
    chunk: (result: Papa.ParseResult<string[]>) => reader.takeChunk(result),
    complete: () => undefined,
  });
  const { footerLines } = reader.finish();
  return { ...head!, rows, footerLines };
}

/**
 * Row by row without holding them: each row is visited and may be dropped
 * at once, so a 50 MB file costs its text and what the visitor keeps. After
 * each chunk the read pauses, so the event loop answers calls and progress
 * reaches the screen; `progress` gets the share of the file read.
 */
export function streamCsv(bytes: Uint8Array, fileName: string, visitor: CsvVisitor & { progress?: (fraction: number) => void }): Promise<{ footerLines: number }> {
  return new Promise((resolve, reject) => {
    const reader = new CsvRowReader(fileName, visitor);
    const { body, delimiter } = openText(bytes, fileName, reader);
    let failed = false;
    Papa.parse<string[]>(body, {
      delimiter,
      skipEmptyLines: false,
      chunkSize: CHUNK_CHARS,
      chunk: (result: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        if (failed) return;
        try {
          reader.takeChunk(result);
        } catch (error) {
          failed = true;
          parser.abort();
          reject(error);
          return;
        }
        visitor.progress?.(Math.min(1, result.meta.cursor / Math.max(1, body.length)));
        parser.pause();
        setImmediate(() => parser.resume());
      },
      complete: () => {
        if (failed) return;
        try {
          resolve(reader.finish());
        } catch (error) {
          reject(error);
        }
      },
    });
  });
}

const DELIMITERS = [',', ';', '\t', '|'];

function openText(bytes: Uint8Array, fileName: string, reader: CsvRowReader): { body: string; delimiter: string } {
  if (bytes.length === 0) throw new CsvFileError(`${fileName} is empty.`);
  if (looksBinary(bytes)) {
    throw new CsvFileError(`${fileName} is not a CSV file (it contains binary data). Export the list from your CRM as CSV.`);
  }
  const { text, encoding } = decodeText(bytes);
  // NULs past the sampled start are debris (a torn download, a database dump): no cell means them.
  // Each step copies the text only when it has something to take out, and the emptiness check copies nothing
  // (trim() copied it whole): a 50 MB file is 50 MB of string for each copy at the import's peak.
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const body = withoutBom.includes('\u0000') ? withoutBom.replaceAll('\u0000', '') : withoutBom;
  if (!/\S/.test(body)) throw new CsvFileError(`${fileName} is empty.`);
  const delimiter = headerDelimiter(body);
  reader.open(encoding, delimiter);
  return { body, delimiter };
}

/**
 * The separator is the one that splits the header row into the most columns:
 * a CRM's header is clean, while notes further down are full of ; and |.
 */
function headerDelimiter(body: string): string {
  const firstLine = body.slice(0, 64 * 1024).split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  let best = ',';
  let bestColumns = 0;
  for (const candidate of DELIMITERS) {
    const columns = Papa.parse<string[]>(firstLine, { delimiter: candidate, preview: 1 }).data[0]?.length ?? 0;
    if (columns > bestColumns) [best, bestColumns] = [candidate, columns];
  }
  return best;
}

/**
 * Turns Papa's records into the header and data rows: blank lines skipped,
 * oversized rows reported, and CRM report footers held back. A footer is a
 * run of trailing rows that fill at most one cell of a header of three or
 * more columns; such "thin" rows wait until a full row shows they were data.
 */
class CsvRowReader {
  private encoding: TextEncoding = 'utf-8';
  private delimiter = ',';
  private headerColumns = 0;
  private seenHead = false;
  private records = 0;
  private dataRows = 0;
  private unclosedQuoteRow: number | null = null;
  private thin: CsvRow[] = [];

  constructor(
    private readonly fileName: string,
    private readonly visitor: CsvVisitor,
  ) {}

  open(encoding: TextEncoding, delimiter: string): void {
    this.encoding = encoding;
    this.delimiter = delimiter;
  }

  takeChunk(result: Papa.ParseResult<string[]>): void {
    const unclosed = new Set(result.errors.filter((e) => e.code === 'MissingQuotes').map((e) => e.row));
    for (const [i, cells] of result.data.entries()) this.take(cells, unclosed.has(i));
  }

  private take(raw: string[], unclosedQuote: boolean): void {
    const row = capRow(++this.records, raw);
    if (this.unclosedQuoteRow === null && unclosedQuote) this.unclosedQuoteRow = row.row;
    const filled = row.cells.filter((c) => c !== '').length;
    if (row.problem === undefined && filled === 0) return;
    if (!this.seenHead) {
      if (row.problem !== undefined || filled < 2) throw this.noHeader();
      this.seenHead = true;
      this.headerColumns = row.cells.length;
      this.visitor.head({ encoding: this.encoding, delimiter: this.delimiter, headers: row.cells });
      return;
    }
    this.dataRows += 1;
    if (this.headerColumns >= 3 && row.problem === undefined && filled <= 1) {
      this.thin.push(row);
      return;
    }
    this.flushThin();
    this.visitor.row(row);
  }

  finish(): { footerLines: number } {
    if (!this.seenHead) throw this.noHeader();
    if (this.unclosedQuoteRow !== null) {
      throw new CsvFileError(`${this.fileName} has a quote that is never closed (row ${this.unclosedQuoteRow}), so the rest of the file cannot be read reliably.`);
    }
    // Thin rows all the way from the header are the data of a sparse file, not a footer.
    const footerLines = this.thin.length === this.dataRows ? 0 : this.thin.length;
    if (footerLines === 0) this.flushThin();
    if (this.dataRows - footerLines === 0) throw new CsvFileError(`${this.fileName} has a header row but no leads.`);
    return { footerLines };
  }

  private flushThin(): void {
    for (const row of this.thin) this.visitor.row(row);
    this.thin = [];
  }

  private noHeader(): CsvFileError {
    return new CsvFileError(
      `${this.fileName} does not look like a CSV lead list: no header row with at least two columns (separated by , ; tab or |) was found.`,
    );
  }
}

function capRow(row: number, raw: string[]): CsvRow {
  let chars = 0;
  for (const cell of raw) {
    chars += cell.length;
    if (cell.length > MAX_CELL_CHARS) return tooLarge(row, raw, `a cell of ${kb(cell.length)} (the most a cell may hold is ${kb(MAX_CELL_CHARS)})`);
  }
  if (chars > MAX_ROW_CHARS) return tooLarge(row, raw, `${kb(chars)} of text (the most a row may hold is ${kb(MAX_ROW_CHARS)})`);
  if (raw.length > MAX_COLUMNS) return tooLarge(row, raw, `${raw.length} cells (the most a row may have is ${MAX_COLUMNS})`);
  return { row, cells: raw.map((c) => c.trim()) };
}

function tooLarge(row: number, raw: string[], what: string): CsvRow {
  return { row, cells: [], problem: `the row has ${what}`, excerpt: raw.join(', ').slice(0, 80) };
}

const kb = (chars: number) => `${Math.round(chars / 1024)} KB`;
