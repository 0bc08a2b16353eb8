import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { Low, type Adapter } from 'lowdb';
import { lines, wholeLineChunks } from './line-chunks.js';
import { LEADS_SCHEMA_VERSION, migrateLeadsFile, type LeadsFile } from './migrations.js';
import { NewerDataError } from './store-error.js';
import { writeAtomically } from './write-atomically.js';

const HEADER = /^\{"schemaVersion":(\d+),"leads":\[$/;
const FOOTER = ']}';

/** A lead set aside while reading leads.json: where it was, why, and its text as read. */
export interface BadLead {
  /** 1-based line in the one-lead-per-line layout; null in another layout. */
  line: number | null;
  /** Byte offset of the line; -1 in another layout. */
  byte: number;
  reason: string;
  text: string;
  bytes(): Buffer;
}

/**
 * lowdb adapter for `leads.json`: plain JSON laid out one lead per line,
 *
 *   {"schemaVersion":2,"leads":[
 *   {"id":"…",…},
 *   {"id":"…",…}
 *   ]}
 *
 * so it is read line by line (100,000 leads never become one 50 MB string)
 * and written in batches to a temp file that is renamed into place. One line
 * that is not a valid lead is handed to `onBadLead` and left out; the rest
 * are read. A file cut off before its closing line keeps the leads read up to
 * the cut (`cutOff` says so; the caller keeps the original file aside).
 * Files in any other JSON layout are still read whole.
 */
class LeadsFileAdapter implements Adapter<LeadsFile> {
  /** The data version the last read found on disk, so the caller knows a migration happened. */
  versionOnDisk: number | null = null;
  /** Set when the file ended without its closing line. */
  cutOff = false;
  setAside = 0;

  constructor(
    private readonly path: string,
    private readonly onBadLead: ((bad: BadLead) => void) | undefined,
  ) {}

  async read(): Promise<LeadsFile | null> {
    if (!existsSync(this.path)) return null;
    const fd = openSync(this.path, 'r');
    try {
      return this.readLines(fd) ?? this.readWhole();
    } finally {
      closeSync(fd);
    }
  }

  async write(data: LeadsFile): Promise<void> {
    const { leads } = data;
    function* chunks(): Generator<string> {
      yield `{"schemaVersion":${data.schemaVersion},"leads":[\n`;
      for (let i = 0; i < leads.length; i++) yield `${JSON.stringify(leads[i])}${i < leads.length - 1 ? ',' : ''}\n`;
      yield `${FOOTER}\n`;
    }
    await writeAtomically(this.path, chunks());
  }

  /** Null when the file is not in the one-lead-per-line layout. */
  private readLines(fd: number): LeadsFile | null {
    const size = fstatSync(fd).size;
    const first = lines(fd, 0, size).next();
    const header = first.done ? null : HEADER.exec(first.value.text);
    if (!header) {
      // A newer Dialdesk may lay the file out differently: say so rather than call it damaged.
      const newer = first.done ? null : /^\{"schemaVersion":(\d+)/.exec(first.value.text);
      if (newer && Number(newer[1]) > LEADS_SCHEMA_VERSION) throw new NewerDataError('leads.json', Number(newer[1]));
      return null;
    }
    this.versionOnDisk = Number(header[1]);
    if (this.versionOnDisk > LEADS_SCHEMA_VERSION) throw new NewerDataError('leads.json', this.versionOnDisk);
    const leads: unknown[] = [];
    // Line number and byte offset of each lead parsed line by line, so one the schema refuses is named by its
    // place (and its text read back from there); leads from a chunk parsed whole are all valid and need none.
    const lineOf: number[] = [];
    const byteOf: number[] = [];
    let lineNumber = 1;
    let ended = false;
    for (const { bytes, end } of wholeLineChunks(fd, first.value!.end, size)) {
      const base = end - bytes.length;
      // The chunk's lines, up to the closing line if it is in this chunk.
      const starts: number[] = [];
      const stops: number[] = [];
      for (let at = 0; at < bytes.length; ) {
        const newline = bytes.indexOf(0x0a, at);
        const stop = newline === -1 ? bytes.length : newline;
        if (isFooter(bytes, at, stop)) {
          ended = true;
          break;
        }
        starts.push(at);
        stops.push(stop);
        at = stop + 1;
      }
      for (let i = 0; i < starts.length; i++) {
        lineNumber += 1;
        const text = bytes.toString('utf8', starts[i], stops[i]);
        if (text.trim() === '') continue;
        try {
          leads.push(JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text));
          lineOf.push(lineNumber);
          byteOf.push(base + starts[i]);
        } catch {
          this.badLine(lineNumber, base + starts[i], 'not valid JSON', fd, `line ${lineNumber} is not a valid lead`, text);
        }
      }
      if (ended) break;
    }
    if (!ended) {
      if (!this.onBadLead) throw new Error(`the file ends after ${leads.length} leads without its closing line (it was cut off)`);
      this.cutOff = true;
    }
    return migrateLeadsFile(
      { schemaVersion: this.versionOnDisk, leads },
      this.onBadLead && ((index, reason) => this.badLine(lineOf[index], byteOf[index], reason, fd, reason)),
    );
  }

  private badLine(line: number, byte: number, reason: string, fd: number, refusal: string, text?: string): void {
    if (!this.onBadLead) throw new Error(refusal);
    this.setAside += 1;
    const bytes = lineBytesAt(fd, byte);
    this.onBadLead({ line, byte, reason, text: text ?? bytes.toString('utf8'), bytes: () => bytes });
  }

  private readWhole(): LeadsFile {
    const raw = JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, unknown>;
    this.versionOnDisk = typeof raw?.schemaVersion === 'number' ? raw.schemaVersion : 0;
    const leads = Array.isArray(raw?.leads) ? (raw.leads as unknown[]) : [];
    return migrateLeadsFile(
      raw,
      this.onBadLead &&
        ((index, reason) => {
          this.setAside += 1;
          const text = JSON.stringify(leads[index]) ?? 'undefined';
          this.onBadLead!({ line: null, byte: -1, reason: `lead ${index + 1} of the file: ${reason}`, text, bytes: () => Buffer.from(text) });
        }),
    );
  }
}

/** The bytes of the line starting at `byte` (read while the file is open; asked only for bad lines). */
function lineBytesAt(fd: number, byte: number): Buffer {
  for (let length = 64 * 1024; ; length *= 4) {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, byte);
    const newline = buffer.subarray(0, read).indexOf(0x0a);
    if (newline !== -1) return buffer.subarray(0, newline);
    if (read < length) return buffer.subarray(0, read);
  }
}

const FOOTER_BYTES = Buffer.from(FOOTER);
/** The closing line `]}` (a CR before the newline tolerated, as a text editor may leave it). */
function isFooter(bytes: Buffer, start: number, stop: number): boolean {
  const end = stop > start && bytes[stop - 1] === 0x0d ? stop - 1 : stop;
  return end - start === FOOTER_BYTES.length && bytes.compare(FOOTER_BYTES, 0, FOOTER_BYTES.length, start, end) === 0;
}

/**
 * `leads.json` through lowdb. It is rewritten only when lead data changes
 * (import, edits), never per outcome: outcomes go to the attempt logs.
 */
export class LeadSnapshot {
  private constructor(private readonly db: Low<LeadsFile>) {}

  /**
   * Throws a plain Error with the reason when the file cannot be read. With `onBadLead`, a lead
   * that cannot be read is handed to it and left out, and a file cut off is read up to the cut:
   * the caller then keeps the original and rewrites the file (`needsWrite`), since the data in
   * memory is not what is on disk. Without it, a migrated file is rewritten here.
   */
  static async open(
    path: string,
    onBadLead?: (bad: BadLead) => void,
  ): Promise<{ snapshot: LeadSnapshot; existed: boolean; migrated: boolean; setAside: number; cutOff: boolean }> {
    const adapter = new LeadsFileAdapter(path, onBadLead);
    const db = new Low<LeadsFile>(adapter, { schemaVersion: LEADS_SCHEMA_VERSION, leads: [] });
    await db.read();
    const existed = adapter.versionOnDisk !== null;
    const migrated = existed && adapter.versionOnDisk !== LEADS_SCHEMA_VERSION;
    if (migrated && !onBadLead) await db.write();
    return { snapshot: new LeadSnapshot(db), existed, migrated, setAside: adapter.setAside, cutOff: adapter.cutOff };
  }

  get data(): LeadsFile {
    return this.db.data;
  }

  async write(leads: LeadsFile['leads']): Promise<void> {
    this.db.data = { schemaVersion: LEADS_SCHEMA_VERSION, leads };
    await this.db.write();
  }
}
