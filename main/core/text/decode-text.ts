/**
 * CRM exports arrive as UTF-8 (often with a BOM) or, when saved by Excel on
 * Windows, as Windows-1252. Strict UTF-8 first: a 1252 file with accents is
 * never valid UTF-8, while plain ASCII decodes the same either way.
 */
export type TextEncoding = 'utf-8' | 'windows-1252';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** A NUL byte or a high share of control characters means a binary file (a spreadsheet, a PDF, an image). */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}
