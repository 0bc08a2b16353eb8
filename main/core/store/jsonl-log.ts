import { closeSync, existsSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { fsyncDirectory } from './write-atomically.js';
import { describeIssues } from './record-schemas.js';
import { lines, wholeLineChunks } from './line-chunks.js';
import { StoreOpenError } from './store-error.js';

/**
 * An append-only file of one JSON object per line. Appending a record is one
 * `write` of a whole line followed by `fdatasync`, so a record is either fully
 * on disk (and acknowledged) or not there at all. A process killed mid-write
 * can leave one torn last line, which was never acknowledged: it is cut off
 * when the log is opened. A bad line anywhere else is real damage and refuses
 * to open, because skipping it would lose history silently.
 */
export class JsonlLog<T> {
  private constructor(
    readonly path: string,
    private readonly fd: number,
    private size: number,
    private readonly schema: z.ZodType<T>,
  ) {}

  /**
   * Opens (creating if needed) and repairs a torn tail. Every line read back
   * is checked against `schema`: valid JSON of the wrong shape is damage too.
   */
  static open<T>(path: string, schema: z.ZodType<T>): JsonlLog<T> {
    const existed = existsSync(path);
    const fd = openSync(path, 'a+');
    // A new month's log is a new name in the folder: make the name durable, not only the bytes.
    if (!existed) fsyncDirectory(dirname(path));
    const size = fstatSync(fd).size;
    const log = new JsonlLog<T>(path, fd, size, schema);
    log.repairTornTail();
    return log;
  }

  get byteLength(): number {
    return this.size;
  }

  append(record: T): void {
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    writeSync(this.fd, line, 0, line.length, this.size);
    fdatasyncSync(this.fd);
    this.size += line.length;
  }

  /** Every record from `offset` (a line start) to the end, with the offset after each one. */
  *readFrom(offset = 0): Generator<{ record: T; end: number }> {
    for (const { text, end } of lines(this.fd, offset, this.size)) {
      if (text.trim() !== '') yield { record: this.parseLine(text, end), end };
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
        found.push(this.parseLine(bytes.toString('utf8', start, end), chunkEnd - bytes.length + end));
        // The next search starts at the following line, so one line is never returned twice.
        at = bytes.indexOf(pattern, end);
      }
    }
    return found;
  }

  close(): void {
    closeSync(this.fd);
  }

  private parseLine(line: string, endOffset: number): T {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new StoreOpenError(`${this.path} is damaged near byte ${endOffset}: a line is not valid JSON.`, [this.path]);
    }
    const checked = this.schema.safeParse(raw);
    if (!checked.success) {
      throw new StoreOpenError(`${this.path} is damaged near byte ${endOffset}: a line is not a valid record (${describeIssues(checked.error)}).`, [this.path]);
    }
    return checked.data;
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
    ftruncateSync(this.fd, completeEnd);
    fdatasyncSync(this.fd);
    this.size = completeEnd;
  }
}
