import { describe, expect, it } from 'vitest';
import { iceServersFor, localDirection, remoteDescriptionType } from '../../../renderer/media/sdp.js';

describe('SDP direction for hold', () => {
  it('offers sendonly on hold and sendrecv off hold', () => {
    expect(localDirection(true)).toBe('sendonly');
    expect(localDirection(false)).toBe('sendrecv');
  });

  it('types bare remote SDP by the signalling state: an answer only while our offer is out', () => {
    expect(remoteDescriptionType('have-local-offer')).toBe('answer');
    expect(remoteDescriptionType('stable')).toBe('offer');
    expect(remoteDescriptionType('have-remote-offer')).toBe('offer');
  });

  it('turns the account ICE URLs into RTCIceServer entries, skipping blanks', () => {
    expect(iceServersFor(['stun:stun.example.com:3478', ' ', 'turn:t.example.com'])).toEqual([
      { urls: 'stun:stun.example.com:3478' },
      { urls: 'turn:t.example.com' },
    ]);
    expect(iceServersFor([])).toEqual([]);
  });
});
