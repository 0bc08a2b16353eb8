import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, wholeLineChunks } from '../../../../main/core/store/line-chunks.js';
import { useTempDirs } from '../../../support/temp-dir.js';

describe('line chunks', () => {
  const tempDir = useTempDirs();
  const withFile = <T>(content: string, use: (fd: number, size: number) => T): T => {
    const path = join(tempDir(), 'f.txt');
    writeFileSync(path, content);
    const fd = openSync(path, 'r');
    try {
      return use(fd, Buffer.byteLength(content));
    } finally {
      closeSync(fd);
    }
  };

  it('yields only whole lines per chunk, growing past a line longer than the buffer', () => {
    const content = `ab\n${'x'.repeat(40)}\ncd\néé\n`;
    // Each chunk is read before the next iteration reuses its buffer.
    const chunks = withFile(content, (fd, size) => Array.from(wholeLineChunks(fd, 0, size, 8), (c) => ({ text: c.bytes.toString(), end: c.end })));
    expect(chunks.map((c) => c.text).join('')).toBe(content);
    for (const chunk of chunks) expect(chunk.text.endsWith('\n')).toBe(true);
    expect(chunks.at(-1)!.end).toBe(Buffer.byteLength(content));
  });

  it('gives each line with the byte offsets of its start and after it, a last line without newline included', () => {
    const content = 'one\n\ntwö\nlast';
    expect(withFile(content, (fd, size) => [...lines(fd, 0, size)])).toEqual([
      { text: 'one', start: 0, end: 4 },
      { text: '', start: 4, end: 5 },
      { text: 'twö', start: 5, end: 10 },
      { text: 'last', start: 10, end: 14 },
    ]);
    expect(withFile(content, (fd, size) => [...lines(fd, 5, size)].map((l) => [l.text, l.start]))).toEqual([['twö', 5], ['last', 10]]);
  });
});
