/**
 * rtpengine's ng control protocol, just enough for tests to read a call's media counters: one
 * UDP datagram `<cookie> <bencoded dict>` out, one `<cookie> <bencoded dict>` back. rtpengine
 * counts the RTP it relays per stream, which is the only count of what reaches baresip after a
 * re-INVITE (baresip 1.0 stops writing its recording at the first one).
 */
import { createSocket } from 'node:dgram';
import { LAB_PORTS } from './lab.js';

export type Bencoded = number | string | Bencoded[] | { [key: string]: Bencoded };

/** Bencode: integers `i42e`, byte strings `3:abc`, lists `l…e`, dictionaries `d…e` with sorted keys. */
export function bencode(value: Bencoded): Buffer {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`bencode has integers only, not ${value}`);
    return Buffer.from(`i${value}e`);
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([Buffer.from(`${bytes.length}:`), bytes]);
  }
  if (Array.isArray(value)) return Buffer.concat([Buffer.from('l'), ...value.map(bencode), Buffer.from('e')]);
  // Keys sort as raw bytes; the lab's keys are ASCII, where that equals a plain string sort.
  const keys = Object.keys(value).sort();
  return Buffer.concat([Buffer.from('d'), ...keys.flatMap((k) => [bencode(k), bencode(value[k])]), Buffer.from('e')]);
}

/** Decodes one bencoded value; byte strings come back as UTF-8 text (rtpengine's are text). */
export function bdecode(data: Buffer): Bencoded {
  const [value, end] = decodeAt(data, 0);
  if (end !== data.length) throw new Error(`bencode: ${data.length - end} bytes after the value`);
  return value;
}

function decodeAt(data: Buffer, at: number): [Bencoded, number] {
  const head = String.fromCharCode(data[at]);
  if (head === 'i') {
    const end = data.indexOf('e', at);
    if (end < 0) throw new Error('bencode: unterminated integer');
    return [Number(data.subarray(at + 1, end).toString('ascii')), end + 1];
  }
  if (head === 'l') {
    const list: Bencoded[] = [];
    let next = at + 1;
    while (data[next] !== 0x65 /* e */) {
      if (next >= data.length) throw new Error('bencode: unterminated list');
      const [item, after] = decodeAt(data, next);
      list.push(item);
      next = after;
    }
    return [list, next + 1];
  }
  if (head === 'd') {
    const dict: { [key: string]: Bencoded } = {};
    let next = at + 1;
    while (data[next] !== 0x65 /* e */) {
      if (next >= data.length) throw new Error('bencode: unterminated dictionary');
      const [key, afterKey] = decodeAt(data, next);
      if (typeof key !== 'string') throw new Error('bencode: dictionary key is not a string');
      const [item, after] = decodeAt(data, afterKey);
      dict[key] = item;
      next = after;
    }
    return [dict, next + 1];
  }
  if (head >= '0' && head <= '9') {
    const colon = data.indexOf(':', at);
    if (colon < 0) throw new Error('bencode: string without a length');
    const length = Number(data.subarray(at, colon).toString('ascii'));
    const end = colon + 1 + length;
    if (end > data.length) throw new Error('bencode: string runs past the end');
    return [data.subarray(colon + 1, end).toString('utf8'), end];
  }
  throw new Error(`bencode: unexpected byte ${JSON.stringify(head)} at ${at}`);
}

/** Sends one ng command and resolves with rtpengine's reply dictionary (rejects on `result: error`). */
export function rtpengineNg(
  command: { command: string } & { [key: string]: Bencoded },
  timeoutMs = 3000,
  port: number = LAB_PORTS.rtpengineNg,
): Promise<{ [key: string]: Bencoded }> {
  const cookie = `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    const timer = setTimeout(() => finish(new Error(`rtpengine did not answer ng "${command.command}" within ${timeoutMs} ms`)), timeoutMs);
    const finish = (error: Error | null, reply?: { [key: string]: Bencoded }) => {
      clearTimeout(timer);
      socket.close();
      if (error) reject(error);
      else resolve(reply!);
    };
    socket.on('error', (error) => finish(error));
    socket.on('message', (message) => {
      const space = message.indexOf(' ');
      // A reply to some other cookie is not ours (none should come on our own socket): keep waiting.
      if (space < 0 || message.subarray(0, space).toString('ascii') !== cookie) return;
      try {
        const reply = bdecode(message.subarray(space + 1));
        if (typeof reply !== 'object' || Array.isArray(reply)) throw new Error(`rtpengine replied with a non-dictionary: ${JSON.stringify(reply)}`);
        if (reply.result === 'error') throw new Error(`rtpengine refused ng "${command.command}": ${String(reply['error-reason'])}`);
        finish(null, reply);
      } catch (error) {
        finish(error as Error);
      }
    });
    socket.send(Buffer.concat([Buffer.from(`${cookie} `), bencode(command)]), port, '127.0.0.1');
  });
}

/** One side of a relayed call, as rtpengine's `query` reports it. */
export interface RtpengineLeg {
  tag: string;
  /** `RTP/AVP` for baresip's plain leg, `RTP/SAVPF` (or `UDP/TLS/RTP/SAVPF`) for the page's WebRTC leg. */
  protocol: string;
  /**
   * Packets rtpengine received from this side (and relays to the other): rtpengine 10.5 counts
   * per stream on the way in only. On a leg with rtcp-mux the few RTCP packets are in the count.
   */
  packetsIn: number;
}

/**
 * The lab's one relayed call (`list`, which must hold exactly one call-id: the lab runs one call
 * at a time), and per leg the packets rtpengine has received from that side so far (`query`).
 */
export async function rtpengineOnlyCall(): Promise<{ callId: string; legs: RtpengineLeg[] }> {
  const listed = await rtpengineNg({ command: 'list' });
  const calls = Array.isArray(listed.calls) ? listed.calls : [];
  if (calls.length !== 1 || typeof calls[0] !== 'string') throw new Error(`rtpengine relays ${calls.length} calls, expected exactly 1: ${JSON.stringify(listed)}`);
  const callId = calls[0];
  const reply = await rtpengineNg({ command: 'query', 'call-id': callId });
  const legs: RtpengineLeg[] = [];
  for (const [tag, value] of Object.entries(asDict(reply.tags))) {
    for (const media of asList(asDict(value).medias)) {
      let packetsIn = 0;
      for (const stream of asList(asDict(media).streams)) {
        const flags = asList(asDict(stream).flags);
        // The RTCP-only stream (the second port, or the unused one under rtcp-mux) is not the audio.
        if (flags.includes('RTP')) packetsIn += Number(asDict(asDict(stream).stats).packets ?? 0);
      }
      legs.push({ tag, protocol: String(asDict(media).protocol), packetsIn });
    }
  }
  return { callId, legs };
}

function asDict(value: Bencoded | undefined): { [key: string]: Bencoded } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

function asList(value: Bencoded | undefined): Bencoded[] {
  return Array.isArray(value) ? value : [];
}
