/**
 * A HID report descriptor, read into the fields of each report (Device Class
 * Definition for HID 1.11, §6.2.2). Pure: the headset layer hands it the bytes
 * a device describes itself with, and tests hand it recorded descriptors.
 *
 * Short items only (long items, tag 0xFE, are skipped: no headset uses them).
 * Global items with Push/Pop, local usages (16-bit on the current page or
 * 32-bit extended), Usage Minimum/Maximum, and the Input/Output/Feature main
 * items, variable or array.
 */

export type ReportKind = 'input' | 'output' | 'feature';

export interface ReportField {
  kind: ReportKind;
  /** 0 when the device uses no report IDs. */
  reportId: number;
  /** Bit offset inside the report's data (after the report ID byte). */
  bitOffset: number;
  bitSize: number;
  count: number;
  logicalMinimum: number;
  logicalMaximum: number;
  /** Main item flags: constant (padding), variable (one usage per slot) or array (slots hold usage indexes), relative. */
  constant: boolean;
  variable: boolean;
  relative: boolean;
  /** Full usages (page << 16 | id): one per slot for a variable field, the selectable usages for an array. */
  usages: number[];
  /** The application collection the field belongs to (page << 16 | id), 0 outside any. */
  application: number;
}

export interface ReportDescriptor {
  fields: ReportField[];
  /** Top-level application collections (page << 16 | id). */
  applications: number[];
  /** Whether reports start with a report ID byte. */
  numbered: boolean;
}

export class DescriptorError extends Error {}

interface Globals {
  usagePage: number;
  logicalMinimum: number;
  logicalMaximum: number;
  reportSize: number;
  reportCount: number;
  reportId: number;
}

export const usageOf = (page: number, id: number): number => ((page & 0xffff) << 16) | (id & 0xffff);
export const pageOf = (usage: number): number => (usage >>> 16) & 0xffff;
export const idOf = (usage: number): number => usage & 0xffff;

const MAX_FIELDS = 4096;

export function parseReportDescriptor(bytes: Uint8Array): ReportDescriptor {
  let globals: Globals = { usagePage: 0, logicalMinimum: 0, logicalMaximum: 0, reportSize: 0, reportCount: 0, reportId: 0 };
  const stack: Globals[] = [];
  let usages: number[] = [];
  let usageMinimum: number | null = null;
  const collections: number[] = [];
  const applications: number[] = [];
  let application = 0;
  const fields: ReportField[] = [];
  // Bits used so far per (kind, report id).
  const offsets = new Map<string, number>();
  let numbered = false;

  const fullUsage = (value: number, size: number) => (size === 4 ? value >>> 0 : usageOf(globals.usagePage, value));

  for (let at = 0; at < bytes.length; ) {
    const prefix = bytes[at]!;
    if (prefix === 0xfe) {
      // Long item: bDataSize, bLongItemTag, data.
      const size = bytes[at + 1];
      if (size === undefined) throw new DescriptorError(`long item at byte ${at} is cut short`);
      at += 3 + size;
      continue;
    }
    const size = [0, 1, 2, 4][prefix & 0x03]!;
    const type = (prefix >> 2) & 0x03;
    const tag = prefix >> 4;
    if (at + 1 + size > bytes.length) throw new DescriptorError(`item at byte ${at} is cut short`);
    let unsigned = 0;
    for (let i = 0; i < size; i++) unsigned |= bytes[at + 1 + i]! << (8 * i);
    unsigned >>>= 0;
    const signed = size === 0 ? 0 : size === 4 ? unsigned | 0 : unsigned >= 1 << (8 * size - 1) ? unsigned - (1 << (8 * size)) : unsigned;
    at += 1 + size;

    if (type === 1) {
      // Global.
      switch (tag) {
        case 0x0: globals.usagePage = unsigned; break;
        case 0x1: globals.logicalMinimum = signed; break;
        case 0x2: globals.logicalMaximum = signed; break;
        case 0x7: globals.reportSize = unsigned; break;
        case 0x8:
          if (unsigned === 0) throw new DescriptorError('report ID 0 is reserved');
          globals.reportId = unsigned;
          numbered = true;
          break;
        case 0x9: globals.reportCount = unsigned; break;
        case 0xa: stack.push({ ...globals }); break;
        case 0xb: {
          const popped = stack.pop();
          if (!popped) throw new DescriptorError('Pop without Push');
          globals = popped;
          break;
        }
        default: break; // physical extent, unit, exponent: not needed to read buttons and lights
      }
    } else if (type === 2) {
      // Local.
      if (tag === 0x0) usages.push(fullUsage(unsigned, size));
      else if (tag === 0x1) usageMinimum = fullUsage(unsigned, size);
      else if (tag === 0x2) {
        if (usageMinimum === null) throw new DescriptorError('Usage Maximum without Usage Minimum');
        const maximum = fullUsage(unsigned, size);
        if (maximum < usageMinimum || maximum - usageMinimum > 0xffff) throw new DescriptorError('Usage Maximum is below its minimum');
        for (let usage = usageMinimum; usage <= maximum; usage++) usages.push(usage);
        usageMinimum = null;
      }
    } else if (type === 0) {
      // Main.
      if (tag === 0xa) {
        // Collection: type 1 is Application.
        const usage = usages[0] ?? 0;
        collections.push(usage);
        if (unsigned === 1 && collections.length === 1) {
          application = usage;
          applications.push(usage);
        }
      } else if (tag === 0xc) {
        if (collections.pop() === undefined) throw new DescriptorError('End Collection without a collection');
        if (collections.length === 0) application = 0;
      } else if (tag === 0x8 || tag === 0x9 || tag === 0xb) {
        const kind: ReportKind = tag === 0x8 ? 'input' : tag === 0x9 ? 'output' : 'feature';
        const key = `${kind}:${globals.reportId}`;
        const bitOffset = offsets.get(key) ?? 0;
        const bits = globals.reportSize * globals.reportCount;
        if (bits > 8 * 4096) throw new DescriptorError(`a ${kind} field of ${bits} bits is larger than any report`);
        offsets.set(key, bitOffset + bits);
        // A maximum that reads negative above a non-negative minimum is the common 1-byte 0…255 (0x25 0xFF): read it unsigned.
        const logicalMaximum = globals.logicalMaximum < globals.logicalMinimum ? unsignedOf(globals.logicalMaximum) : globals.logicalMaximum;
        fields.push({
          kind,
          reportId: globals.reportId,
          bitOffset,
          bitSize: globals.reportSize,
          count: globals.reportCount,
          logicalMinimum: globals.logicalMinimum,
          logicalMaximum,
          constant: (unsigned & 0x01) !== 0,
          variable: (unsigned & 0x02) !== 0,
          relative: (unsigned & 0x04) !== 0,
          usages,
          application,
        });
        if (fields.length > MAX_FIELDS) throw new DescriptorError('too many fields for a headset');
      }
      // Every main item clears the local state.
      usages = [];
      usageMinimum = null;
    }
  }
  if (collections.length > 0) throw new DescriptorError('a collection is never closed');
  return { fields, applications, numbered };
}

function unsignedOf(value: number): number {
  if (value >= 0) return value;
  for (const bits of [8, 16]) if (value >= -(1 << (bits - 1))) return value + (1 << bits);
  return value >>> 0;
}

/** Reads `bitSize` bits at `bitOffset` (little-endian, as HID reports are). */
export function readBits(data: Uint8Array, bitOffset: number, bitSize: number): number {
  let value = 0;
  for (let i = 0; i < bitSize; i++) {
    const bit = bitOffset + i;
    const byte = data[bit >> 3];
    if (byte === undefined) return value;
    if ((byte >> (bit & 7)) & 1) value += 2 ** i;
  }
  return value;
}

export function writeBits(data: Uint8Array, bitOffset: number, bitSize: number, value: number): void {
  for (let i = 0; i < bitSize; i++) {
    const bit = bitOffset + i;
    const index = bit >> 3;
    if (index >= data.length) return;
    const on = Math.floor(value / 2 ** i) % 2 === 1;
    data[index] = on ? data[index]! | (1 << (bit & 7)) : data[index]! & ~(1 << (bit & 7));
  }
}
