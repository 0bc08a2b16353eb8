/**
 * Pure SDP and negotiation helpers for the media module: which direction our audio transceiver
 * asks for, how a remote description is typed. No browser objects, so they are unit tested in Node.
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
 * sip.js hands the handler bare SDP: with our offer outstanding it is the answer, otherwise it is
 * a new offer from the far end (an inbound call or their re-INVITE).
 */
export function remoteDescriptionType(signalingState: string): 'offer' | 'answer' {
  return signalingState === 'have-local-offer' ? 'answer' : 'offer';
}

/** The account's `stun:`/`turn:` URL strings as RTCPeerConnection wants them (no credentials in them). */
export function iceServersFor(urls: readonly string[]): Array<{ urls: string }> {
  return urls.filter((u) => u.trim() !== '').map((urls) => ({ urls: urls.trim() }));
}
