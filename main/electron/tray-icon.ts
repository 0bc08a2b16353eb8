import { deflateSync } from 'node:zlib';

/**
 * The tray's icon: a filled dot in the line state's colour, drawn here as a
 * 32×32 PNG (no image files to ship or to keep in step with the states). The
 * tooltip and the menu's first line say the state in words too.
 */
export const TRAY_COLOURS = {
  registered: [0x2e, 0x9e, 0x5b],
  'in-call': [0x1f, 0x6f, 0xd1],
  'block-running': [0xe0, 0x8a, 0x1a],
  offline: [0x8a, 0x93, 0x9b],
} as const;

const SIZE = 32;

export function dotPng(rgb: readonly [number, number, number] | readonly number[]): Buffer {
  const rows: Buffer[] = [];
  const centre = (SIZE - 1) / 2;
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
    for (let x = 0; x < SIZE; x++) {
      const distance = Math.hypot(x - centre, y - centre);
      // A soft edge: full inside radius 12, fading out over one pixel.
      const alpha = Math.max(0, Math.min(1, 13 - distance));
      row.set([rgb[0]!, rgb[1]!, rgb[2]!, Math.round(alpha * 255)], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
