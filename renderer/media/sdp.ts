/**
 * Pure SDP and negotiation helpers for the media module: which direction our audio transceiver
 * asks for, how a remote description is typed, what the far end asked for. No browser objects, so
 * they are unit tested in Node.
 */

export type MediaDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

/**
 * The direction we offer (or answer with): on hold we keep sending — silence, as the call media
 * disables the microphone while held — but stop receiving (RFC 3264 §8.4 `sendonly`); off hold
 * both ways.
 */
export function localDirection(hold: boolean): MediaDirection {
  return hold ? 'sendonly' : 'sendrecv';
}

/**
 * The direction an answer carries (RFC 3264 §6.1): what we want, narrowed by what the offer
 * allows. The browser computes the same; kept here so hold behaviour is specified by a test.
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
 * sip.js hands the handler bare SDP: with our offer outstanding it is the answer, otherwise it is
 * a new offer from the far end (an inbound call or their re-INVITE).
 */
export function remoteDescriptionType(signalingState: string): 'offer' | 'answer' {
  return signalingState === 'have-local-offer' ? 'answer' : 'offer';
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

/** The account's `stun:`/`turn:` URL strings as RTCPeerConnection wants them (no credentials in them). */
export function iceServersFor(urls: readonly string[]): Array<{ urls: string }> {
  return urls.filter((u) => u.trim() !== '').map((urls) => ({ urls: urls.trim() }));
}
