import { closeSync, existsSync, fdatasyncSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { OnBadLine } from './jsonl-log.js';
import { fsyncDirectory } from './write-atomically.js';

/**
 * One bad record costs one record. A record that fails its schema (a lead in
 * leads.json, an attempt or inbound call in a log, an entry of a side file) is
 * copied here, with why and where it was, and left out of what opens; the rest
 * opens as usual. Nothing is dropped silently: every record set aside is in
 * `quarantine/<kind>.jsonl`, counted in `cli stats --json` and exportable.
 *
 *   quarantine/lead.jsonl      {"kind":"lead","source":"leads.json","line":7,"byte":2301,"reason":"phone: Expected string, received number",
 *   quarantine/attempt.jsonl    "text":"{…the line as read…}","setAsideAt":"2026-12-07T21:00:00.000Z"}
 *   …
 *
 * A record is written here (and fsynced) before its source file is rewritten
 * without it, so a crash in between leaves it in one place or both, never in
 * none. An append-only log is never rewritten: its bad line stays where it is,
 * skipped on every read, and is set aside once (a record is known by its
 * source file, byte offset and text).
 *
 * Reusable by any reader of a line-per-record file: give it the kind (which
 * names the file and the notice) and each bad line's position and reason.
 */

/** Where a bad record was and why it was set aside; `kind` names the file (`lead` → quarantine/lead.jsonl). */
export interface BadRecord {
  kind: string;
  /** The source file, relative to the data folder (`leads.json`, `attempts/2026-03.jsonl`). */
  source: string;
  /** 1-based line in the source, when the reader counts lines (an append-only log is read from offsets, so only `byte`). */
  line: number | null;
  /** Byte offset of the record's first byte in the source. */
  byte: number;
  reason: string;
  /** The record as read (UTF-8; bytes that are not UTF-8 are also kept exactly in `base64`). */
  text: string;
  base64?: string;
}

export interface QuarantinedRecord extends BadRecord {
  setAsideAt: string;
}

const quarantinedSchema = z.object({
  kind: z.string().min(1),
  source: z.string(),
  line: z.number().int().nullable(),
  byte: z.number().int(),
  reason: z.string(),
  text: z.string(),
  base64: z.string().optional(),
  setAsideAt: z.string(),
});

/** How the notice names a kind ("1 lead", "2 attempts", "1 inbound call"); other kinds by their own name. */
const NOUNS: Record<string, [string, string]> = {
  lead: ['lead', 'leads'],
  attempt: ['attempt', 'attempts'],
  inbound: ['inbound call', 'inbound calls'],
};

export const QUARANTINE_DIR = 'quarantine';

const FILE_NAME = /^([a-z0-9-]+)\.jsonl$/;

export class Quarantine {
  /** Source, byte and text of every record already set aside, so re-reading an append-only log sets none aside twice. */
  private readonly known = new Set<string>();
  private total = 0;
  /** Set aside since this store opened, per kind. */
  private readonly fresh = new Map<string, number>();

  private constructor(
    readonly dataDir: string,
    private readonly now: () => Date,
  ) {}

  /** Reads what earlier runs set aside (only the keys are kept in memory). */
  static open(dataDir: string, now: () => Date = () => new Date()): Quarantine {
    const quarantine = new Quarantine(dataDir, now);
    const dir = join(dataDir, QUARANTINE_DIR);
    if (!existsSync(dir)) return quarantine;
    for (const name of readdirSync(dir).filter((n) => FILE_NAME.test(n))) {
      for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        quarantine.total += 1;
        const record = parseQuietly(line);
        if (record) quarantine.known.add(keyOf(record));
      }
    }
    return quarantine;
  }

  /** The file records of `kind` go to. */
  pathOf(kind: string): string {
    return join(this.dataDir, QUARANTINE_DIR, `${kind}.jsonl`);
  }

  /** `path` as a quarantine record names it: relative to the data folder. */
  sourceName(path: string): string {
    return relative(this.dataDir, path).split('\\').join('/');
  }

  /**
   * Appends the record to its quarantine file and fsyncs it before returning, so the caller may
   * then rewrite the source without it. False when this record (source, byte and text) is already there.
   */
  setAside(bad: BadRecord): boolean {
    if (!FILE_NAME.test(`${bad.kind}.jsonl`)) throw new Error(`not a quarantine kind: ${bad.kind}`);
    const key = keyOf(bad);
    if (this.known.has(key)) return false;
    const dir = join(this.dataDir, QUARANTINE_DIR);
    const path = this.pathOf(bad.kind);
    const existed = existsSync(path);
    if (!existed) mkdirSync(dir, { recursive: true });
    const record: QuarantinedRecord = { ...bad, setAsideAt: this.now().toISOString() };
    const fd = openSync(path, 'a');
    try {
      writeSync(fd, `${JSON.stringify(record)}\n`);
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (!existed) fsyncDirectory(dir);
    this.known.add(key);
    this.total += 1;
    this.fresh.set(bad.kind, (this.fresh.get(bad.kind) ?? 0) + 1);
    return true;
  }

  /** For a line-per-record log (JsonlLog): each bad line of it set aside as a record of `kind`. */
  lineSink(kind: string): OnBadLine {
    return (bad) => {
      this.setAside({ kind, source: this.sourceName(bad.path), line: null, byte: bad.start, reason: bad.reason, text: bad.text, ...rawBytesIfNeeded(bad.text, bad.bytes) });
    };
  }

  /** Every record set aside so far, in this run and before. */
  get count(): number {
    return this.total;
  }

  /** "1 lead could not be read and was set aside (see …/quarantine/lead.jsonl)", one per kind set aside since opening. */
  notices(): string[] {
    return [...this.fresh].map(([kind, n]) => {
      const [one, many] = NOUNS[kind] ?? [`${kind} record`, `${kind} records`];
      return `${n.toLocaleString('en-US')} ${n === 1 ? one : many} could not be read and ${n === 1 ? 'was' : 'were'} set aside (see ${this.pathOf(kind)}).`;
    });
  }

  /** Every quarantined record, file by file (for export); a line of a quarantine file that is itself unreadable comes back as its text. */
  *all(): Generator<QuarantinedRecord> {
    const dir = join(this.dataDir, QUARANTINE_DIR);
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).filter((n) => FILE_NAME.test(n)).sort()) {
      for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        yield parseQuietly(line) ?? {
          kind: name.slice(0, -'.jsonl'.length),
          source: `${QUARANTINE_DIR}/${name}`,
          line: null,
          byte: -1,
          reason: 'this line of the quarantine file is itself damaged',
          text: line,
          setAsideAt: '',
        };
      }
    }
  }
}

/** The exact bytes when the text lost some in decoding (bytes that are not UTF-8 decode to U+FFFD). */
export function rawBytesIfNeeded(text: string, bytes: () => Buffer): { base64?: string } {
  return text.includes('\uFFFD') ? { base64: bytes().toString('base64') } : {};
}

/** The same record at the same place: a different bad record later found at that offset (leads.json is rewritten) is its own. */
const keyOf = (r: { source: string; byte: number; text: string }) => `${r.source}#${r.byte}#${r.text}`;

function parseQuietly(line: string): QuarantinedRecord | null {
  try {
    const checked = quarantinedSchema.safeParse(JSON.parse(line));
    return checked.success ? checked.data : null;
  } catch {
    return null;
  }
}
