import { describe, expect, it } from 'vitest';
import { readFileAsBase64 } from '../../../renderer/ui/read-file.js';

describe('readFileAsBase64', () => {
  it('encodes the bytes exactly, BOM and non-UTF-8 bytes included, across chunk boundaries', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    bytes.set([0xef, 0xbb, 0xbf], 0);
    const encoded = await readFileAsBase64(new Blob([bytes]));
    expect(Buffer.from(encoded, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});
