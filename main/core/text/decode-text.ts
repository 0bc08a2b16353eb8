/**
 * CRM exports arrive as UTF-8 (often with a BOM), as Windows-1252 when saved
 * by Excel on Windows, or as UTF-16 with a BOM when Excel saves "Unicode
 * text". Strict UTF-8 first: a 1252 file with accents is never valid UTF-8,
 * while plain ASCII decodes the same either way.
 */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const utf16 = utf16ByBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function utf16ByBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * A share of NUL bytes or control characters at the start means a binary file
 * (a spreadsheet, a PDF, an image); a stray NUL in text (a torn download) is
 * stripped later instead. UTF-16 text is half NULs, so it is judged after its
 * BOM says what it is.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (utf16ByBom(bytes)) return false;
  const sample = bytes.subarray(0, 8192);
  let nul = 0;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) nul += 1;
    else if (byte < 9 || (byte > 13 && byte < 32)) control += 1;
  }
  return sample.length > 0 && (nul / sample.length > 0.01 || (nul + control) / sample.length > 0.05);
}
