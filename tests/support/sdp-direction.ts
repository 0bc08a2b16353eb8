/** SDP direction rules the tests check the renderer's hold behaviour against (the browser applies them in the product). */
import type { MediaDirection } from '../../renderer/media/sdp.js';

/**
 * The direction an answer carries (RFC 3264 §6.1): what we want, narrowed by what the offer
 * allows. The browser computes the same in the product; the tests use this to specify hold behaviour.
 */
export function answerDirection(wanted: MediaDirection, offered: MediaDirection): MediaDirection {
  const weSend = wanted === 'sendrecv' || wanted === 'sendonly';
  const weReceive = wanted === 'sendrecv' || wanted === 'recvonly';
  const theyReceive = offered === 'sendrecv' || offered === 'recvonly';
  const theySend = offered === 'sendrecv' || offered === 'sendonly';
  const send = weSend && theyReceive;
  const receive = weReceive && theySend;
  if (send && receive) return 'sendrecv';
  if (send) return 'sendonly';
  if (receive) return 'recvonly';
  return 'inactive';
}

/**
 * The direction of the first audio section (a media-level attribute wins over a session-level
 * one; none means sendrecv). An `a=inactive` or `c=IN IP4 0.0.0.0` offer is an old-style hold.
 */
export function sdpAudioDirection(sdp: string): MediaDirection {
  const lines = sdp.split(/\r?\n/);
  const audioAt = lines.findIndex((l) => l.startsWith('m=audio'));
  const sessionLines = audioAt === -1 ? lines : lines.slice(0, audioAt);
  let mediaLines: string[] = [];
  if (audioAt !== -1) {
    const nextMedia = lines.findIndex((l, i) => i > audioAt && l.startsWith('m='));
    mediaLines = lines.slice(audioAt + 1, nextMedia === -1 ? undefined : nextMedia);
  }
  const directionIn = (section: string[]): MediaDirection | null => {
    for (const line of section) {
      const match = /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/.exec(line);
      if (match) return match[1] as MediaDirection;
    }
    return null;
  };
  const connectionHold = [...sessionLines, ...mediaLines].some((l) => /^c=IN IP4 0\.0\.0\.0\s*$/.test(l));
  const direction = directionIn(mediaLines) ?? directionIn(sessionLines) ?? 'sendrecv';
  return connectionHold ? 'inactive' : direction;
}
