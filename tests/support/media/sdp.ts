/**
 * The little SDP a plain-RTP audio endpoint needs: one audio stream, PCMU (payload 0) and RFC 4733
 * telephone-event. Enough for PBXs, sipp and baresip; WebRTC SDP is the renderer's business.
 */
export type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

export interface LocalSdpOptions {
  ip: string;
  port: number;
  sessionId: number;
  version: number;
  direction: Direction;
  /** Payload type we use for telephone-event; null leaves DTMF events out. */
  telephoneEventPt: number | null;
}

export function buildAudioSdp(o: LocalSdpOptions): string {
  const pts = o.telephoneEventPt === null ? '0' : `0 ${o.telephoneEventPt}`;
  return [
    'v=0',
    `o=dialdesk ${o.sessionId} ${o.version} IN IP4 ${o.ip}`,
    's=Dialdesk',
    `c=IN IP4 ${o.ip}`,
    't=0 0',
    `m=audio ${o.port} RTP/AVP ${pts}`,
    'a=rtpmap:0 PCMU/8000',
    ...(o.telephoneEventPt === null ? [] : [`a=rtpmap:${o.telephoneEventPt} telephone-event/8000`, `a=fmtp:${o.telephoneEventPt} 0-15`]),
    'a=ptime:20',
    `a=${o.direction}`,
    '',
  ].join('\r\n');
}

export interface RemoteAudio {
  ip: string;
  port: number;
  payloadTypes: number[];
  telephoneEventPt: number | null;
  direction: Direction;
}

/** The first audio stream of a remote SDP; throws when it has no PCMU (we could not talk). */
export function parseRemoteAudio(sdp: string): RemoteAudio {
  const lines = sdp.split(/\r?\n/);
  const mIndex = lines.findIndex((l) => l.startsWith('m=audio '));
  if (mIndex < 0) throw new Error('remote SDP has no audio stream');
  const m = /^m=audio (\d+) RTP\/AVP ([\d ]+)/.exec(lines[mIndex]);
  if (!m) throw new Error(`remote SDP audio is not plain RTP/AVP: ${lines[mIndex]}`);
  const nextM = lines.findIndex((l, i) => i > mIndex && l.startsWith('m='));
  const media = lines.slice(mIndex + 1, nextM < 0 ? undefined : nextM);
  const session = lines.slice(0, mIndex);
  const conn = [...media, ...session].map((l) => /^c=IN IP4 (\S+)/.exec(l)).find(Boolean);
  if (!conn) throw new Error('remote SDP has no IPv4 connection address');
  const payloadTypes = m[2].trim().split(/\s+/).map(Number);
  if (!payloadTypes.includes(0)) throw new Error('remote SDP offers no PCMU');
  const te = media.map((l) => /^a=rtpmap:(\d+) telephone-event\/8000/i.exec(l)).find(Boolean);
  const dir = [...media, ...session].map((l) => /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/.exec(l)).find(Boolean);
  return {
    ip: conn[1],
    port: Number(m[1]),
    payloadTypes,
    telephoneEventPt: te && payloadTypes.includes(Number(te[1])) ? Number(te[1]) : null,
    direction: (dir?.[1] as Direction | undefined) ?? 'sendrecv',
  };
}
