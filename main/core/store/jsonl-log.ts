import { closeSync, existsSync, fdatasync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readSync, write, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { fsyncDirectory } from './write-atomically.js';
import { describeIssues } from './record-schemas.js';
import { lines, wholeLineChunks } from './line-chunks.js';
import { StoreOpenError } from './store-error.js';

/** A line that is not a valid record (or a torn last line), with where it starts and why it is bad. */
export interface BadLine {
  path: string;
  /** Byte offset of the line's first byte. */
  start: number;
  text: string;
  reason: string;
  /** The line's exact bytes (for text that did not decode as UTF-8). */
  bytes(): Buffer;
}

/** What parseLine returns for a line handed to onBadLine. */
const BAD: unique symbol = Symbol('bad line');

/** Told of every bad line; it must keep it somewhere (the quarantine) before returning. */
export type OnBadLine = (bad: BadLine) => void;

/**
 * An append-only file of one JSON object per line. Appending a record is one
 * `write` of a whole line followed by `fdatasync`, so a record is either fully
 * on disk (and acknowledged) or not there at all. A process killed mid-write
 * can leave one torn last line, which was never acknowledged: it is cut off
 * when the log is opened.
 *
 * With `onBadLine` (the store's logs), a bad line anywhere is handed to it and
 * skipped: one bad record costs that record, not the log; the torn tail is
 * handed to it before it is cut off. Without it, a bad line refuses to open,
 * because skipping it would lose history silently.
 */
export class JsonlLog<T> {
  /** End of the lines queued by appendAsync but not yet on disk; null when none are. */
  private reserved: number | null = null;
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly fd: number,
    private size: number,
    private readonly schema: z.ZodType<T>,
    private readonly onBadLine: OnBadLine | undefined,
    private readonly isCertainly: ((v: unknown) => v is T) | undefined,
  ) {}

  /**
   * Opens (creating if needed) and repairs a torn tail. Every line read back
   * is checked against `schema`: valid JSON of the wrong shape is damage too.
   */
  /** `isCertainly`: a quick check only ever stricter than `schema`; what it accepts skips zod (a rebuild reads a million lines). */
  static open<T>(path: string, schema: z.ZodType<T>, onBadLine?: OnBadLine, isCertainly?: (v: unknown) => v is T): JsonlLog<T> {
    const existed = existsSync(path);
    const fd = openSync(path, 'a+');
    // A new month's log is a new name in the folder: make the name durable, not only the bytes.
    if (!existed) fsyncDirectory(dirname(path));
    const size = fstatSync(fd).size;
    const log = new JsonlLog<T>(path, fd, size, schema, onBadLine, isCertainly);
    log.repairTornTail();
    return log;
  }

  get byteLength(): number {
    return this.size;
  }

  append(record: T): void {
    if (this.reserved !== null) throw new Error(`${this.path}: a synchronous append while asynchronous ones are pending`);
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    writeSync(this.fd, line, 0, line.length, this.size);
    fdatasyncSync(this.fd);
    this.size += line.length;
  }

  /**
   * The same append off the event loop (write and fdatasync in libuv's pool), in order: for logs
   * written in bursts, such as inbound calls during a flood, where a synchronous fdatasync per
   * record would stall main. Resolves once the line is on disk; readers see it from then on.
   */
  appendAsync(record: T): Promise<number> {
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    const at = this.reserved ?? this.size;
    this.reserved = at + line.length;
    const done = this.queue.then(
      () =>
        new Promise<number>((resolve, reject) => {
          write(this.fd, line, 0, line.length, at, (error) => {
            if (error) return reject(error);
            fdatasync(this.fd, (syncError) => {
              if (syncError) return reject(syncError);
              this.size = at + line.length;
              if (this.reserved === this.size) this.reserved = null;
              resolve(this.size);
            });
          });
        }),
    );
    this.queue = done.then(
      () => undefined,
      () => undefined,
    );
    return done;
  }

  /** Every record from `offset` (a line start) to the end, with the offset after each one. */
  *readFrom(offset = 0): Generator<{ record: T; end: number }> {
    for (const { text, start, end } of lines(this.fd, offset, this.size)) {
      if (text.trim() === '') continue;
      const record = this.parseLine(text, start);
      if (record !== BAD) yield { record, end };
    }
  }

  /**
   * Records whose line contains `needle`, found by a byte search: a month of
   * history is never decoded to a string, nor held in memory whole, just to
   * find a few lines.
   */
  findLines(needle: string): T[] {
    const pattern = Buffer.from(needle, 'utf8');
    const found: T[] = [];
    for (const { bytes, end: chunkEnd } of wholeLineChunks(this.fd, 0, this.size)) {
      for (let at = bytes.indexOf(pattern); at !== -1; ) {
        const start = bytes.lastIndexOf(0x0a, at) + 1;
        const newline = bytes.indexOf(0x0a, at);
        const end = newline === -1 ? bytes.length : newline;
        const record = this.parseLine(bytes.toString('utf8', start, end), chunkEnd - bytes.length + start);
        if (record !== BAD) found.push(record);
        // The next search starts at the following line, so one line is never returned twice.
        at = bytes.indexOf(pattern, end);
      }
    }
    return found;
  }

  /** Resolves when every appendAsync so far is on disk. */
  flushed(): Promise<void> {
    return this.queue;
  }

  close(): void {
    closeSync(this.fd);
  }

  /** The record, or BAD once a bad line has been handed to onBadLine (without it, it throws). */
  private parseLine(line: string, startOffset: number): T | typeof BAD {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return this.bad(line, startOffset, 'not valid JSON', `${this.path} is damaged at byte ${startOffset}: a line is not valid JSON.`);
    }
    if (this.isCertainly?.(raw)) return raw;
    const checked = this.schema.safeParse(raw);
    if (!checked.success) {
      const issues = describeIssues(checked.error);
      return this.bad(line, startOffset, `not a valid record (${issues})`, `${this.path} is damaged at byte ${startOffset}: a line is not a valid record (${issues}).`);
    }
    return checked.data;
  }

  private bad(text: string, start: number, reason: string, refusal: string): typeof BAD {
    if (!this.onBadLine) throw new StoreOpenError(refusal, [this.path]);
    const length = Buffer.byteLength(text, 'utf8');
    this.onBadLine({ path: this.path, start, text, reason, bytes: () => this.lineBytes(start, length) });
    return BAD;
  }

  /** A line's bytes as on disk: up to its newline (its decoded text may be longer or shorter than the bytes). */
  private lineBytes(start: number, hint: number): Buffer {
    const bytes = this.readBytes(start, Math.min(this.size - start, Math.max(hint, 1) + 4096));
    const newline = bytes.indexOf(0x0a);
    return newline === -1 ? bytes : bytes.subarray(0, newline);
  }

  private readBytes(offset: number, length: number): Buffer {
    const buffer = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const n = readSync(this.fd, buffer, read, length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  }

  private repairTornTail(): void {
    if (this.size === 0) return;
    // Only the tail can be torn; read back just far enough to find the last newline.
    let window = Math.min(this.size, 4096);
    let tail = this.readBytes(this.size - window, window);
    let lastNewline = tail.lastIndexOf(0x0a);
    while (lastNewline === -1 && window < Math.min(this.size, 1 << 20)) {
      window = Math.min(this.size, window * 16, 1 << 20);
      tail = this.readBytes(this.size - window, window);
      lastNewline = tail.lastIndexOf(0x0a);
    }
    const completeEnd = lastNewline === -1 ? this.size - window : this.size - window + lastNewline + 1;
    if (completeEnd === this.size) return;
    if (lastNewline === -1 && window < this.size) {
      throw new StoreOpenError(`${this.path} is damaged: its last 1 MiB holds no complete record.`, [this.path]);
    }
    if (this.onBadLine) {
      const torn = this.readBytes(completeEnd, this.size - completeEnd);
      this.onBadLine({
        path: this.path,
        start: completeEnd,
        text: torn.toString('utf8'),
        reason: 'cut off mid-write: the record being written when Dialdesk stopped (it was never confirmed as saved)',
        bytes: () => torn,
      });
    }
    ftruncateSync(this.fd, completeEnd);
    fdatasyncSync(this.fd);
    this.size = completeEnd;
  }
}
