import { readSync } from 'node:fs';

/**
 * Reads bytes `[from, to)` of an open file in chunks that end on a newline,
 * through one reused buffer: large files are scanned without holding them,
 * or a string of them, in memory. `end` is the file offset after the chunk.
 * A last line without a newline is yielded on its own at the end.
 * `bytes` is a view of the reused buffer: valid until the next iteration.
 */
export function* wholeLineChunks(fd: number, from: number, to: number, chunkSize = 1 << 20): Generator<{ bytes: Buffer; end: number }> {
  let buffer = Buffer.allocUnsafe(chunkSize);
  let carried = 0;
  let offset = from;
  while (offset < to) {
    if (carried === buffer.length) {
      // One line longer than the buffer: grow it rather than split the line.
      const larger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(larger, 0, 0, carried);
      buffer = larger;
    }
    const read = readSync(fd, buffer, carried, Math.min(buffer.length - carried, to - offset), offset);
    if (read === 0) break;
    offset += read;
    const filled = carried + read;
    const lastNewline = buffer.lastIndexOf(0x0a, filled - 1);
    if (lastNewline === -1) {
      carried = filled;
      continue;
    }
    yield { bytes: buffer.subarray(0, lastNewline + 1), end: offset - (filled - lastNewline - 1) };
    carried = filled - lastNewline - 1;
    buffer.copy(buffer, 0, lastNewline + 1, filled);
  }
  if (carried > 0) yield { bytes: buffer.subarray(0, carried), end: offset };
}

/** Lines (without their newline) of `[from, to)`, each with the offset of its first byte and the offset just after it. */
export function* lines(fd: number, from: number, to: number): Generator<{ text: string; start: number; end: number }> {
  for (const { bytes, end } of wholeLineChunks(fd, from, to)) {
    const base = end - bytes.length;
    for (let start = 0; start < bytes.length; ) {
      const newline = bytes.indexOf(0x0a, start);
      const stop = newline === -1 ? bytes.length : newline;
      yield { text: bytes.toString('utf8', start, stop), start: base + start, end: base + Math.min(stop + 1, bytes.length) };
      start = stop + 1;
    }
  }
}
