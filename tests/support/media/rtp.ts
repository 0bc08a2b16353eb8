/** RTP (RFC 3550) fixed header, no CSRCs or extensions on what we send; those we receive are skipped. */
export interface RtpPacket {
  payloadType: number;
  marker: boolean;
  sequence: number;
  timestamp: number;
  ssrc: number;
  payload: Buffer;
}

export function buildRtp(p: RtpPacket): Buffer {
  const header = Buffer.alloc(12);
  header[0] = 0x80; // version 2
  header[1] = (p.marker ? 0x80 : 0) | (p.payloadType & 0x7f);
  header.writeUInt16BE(p.sequence & 0xffff, 2);
  header.writeUInt32BE(p.timestamp >>> 0, 4);
  header.writeUInt32BE(p.ssrc >>> 0, 8);
  return Buffer.concat([header, p.payload]);
}

/** Null for anything that is not RTP version 2 (RTCP on the same port, STUN, garbage). */
export function parseRtp(data: Buffer): RtpPacket | null {
  if (data.length < 12 || data[0] >> 6 !== 2) return null;
  const payloadType = data[1] & 0x7f;
  // RTCP packet types 200-204 land on 72-76 once the marker bit is masked off.
  if (payloadType >= 72 && payloadType <= 76) return null;
  const csrcCount = data[0] & 0x0f;
  let offset = 12 + csrcCount * 4;
  if (data[0] & 0x10) {
    if (data.length < offset + 4) return null;
    offset += 4 + data.readUInt16BE(offset + 2) * 4;
  }
  let end = data.length;
  if (data[0] & 0x20) end -= data[data.length - 1];
  if (offset > end) return null;
  return {
    payloadType,
    marker: (data[1] & 0x80) !== 0,
    sequence: data.readUInt16BE(2),
    timestamp: data.readUInt32BE(4),
    ssrc: data.readUInt32BE(8),
    payload: data.subarray(offset, end),
  };
}

/** RFC 4733 telephone-event payload: event, end bit, volume, duration (timestamp units). */
export interface DtmfEvent {
  event: number;
  end: boolean;
  volume: number;
  duration: number;
}

const DTMF_KEYS = '0123456789*#ABCD';

export function dtmfEventCode(key: string): number {
  const code = DTMF_KEYS.indexOf(key.toUpperCase());
  if (code < 0) throw new Error(`not a DTMF key: ${key}`);
  return code;
}

export function dtmfKey(event: number): string | null {
  return DTMF_KEYS[event] ?? null;
}

export function buildDtmfPayload(e: DtmfEvent): Buffer {
  const b = Buffer.alloc(4);
  b[0] = e.event;
  b[1] = (e.end ? 0x80 : 0) | (e.volume & 0x3f);
  b.writeUInt16BE(Math.min(0xffff, e.duration), 2);
  return b;
}

export function parseDtmfPayload(payload: Buffer): DtmfEvent | null {
  if (payload.length < 4) return null;
  return { event: payload[0], end: (payload[1] & 0x80) !== 0, volume: payload[1] & 0x3f, duration: payload.readUInt16BE(2) };
}
