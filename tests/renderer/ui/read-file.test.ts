import { describe, expect, it } from 'vitest';
import { readFileAsBase64 } from '../../../renderer/ui/read-file.js';
import { formatPhone } from '../../../renderer/leads/format.js';

describe('readFileAsBase64', () => {
  it('encodes the bytes exactly, BOM and non-UTF-8 bytes included, across chunk boundaries', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    bytes.set([0xef, 0xbb, 0xbf], 0);
    const encoded = await readFileAsBase64(new Blob([bytes]));
    expect(Buffer.from(encoded, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('formatPhone', () => {
  it('spaces North American numbers and leaves others as stored', () => {
    expect(formatPhone('+12125550147')).toBe('+1 212 555 0147');
    expect(formatPhone('+442079460018')).toBe('+442079460018');
  });
});
