import { describe, expect, it } from 'vitest';
import type { MediaDirection } from '../../renderer/media/sdp.js';
import { answerDirection, sdpAudioDirection } from './sdp-direction.js';

const offer = (extra: string[], session: string[] = []) =>
  ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', ...session, 't=0 0', 'm=audio 4000 RTP/AVP 0', 'a=rtpmap:0 PCMU/8000', ...extra, ''].join('\r\n');

describe('SDP direction rules for hold', () => {
  it('answers narrowed by the offer (RFC 3264 §6.1), for every pair', () => {
    const table: Array<[MediaDirection, MediaDirection, MediaDirection]> = [
      ['sendrecv', 'sendrecv', 'sendrecv'],
      ['sendrecv', 'sendonly', 'recvonly'], // they hold us: we only listen
      ['sendrecv', 'recvonly', 'sendonly'],
      ['sendrecv', 'inactive', 'inactive'],
      ['sendonly', 'sendrecv', 'sendonly'], // we hold while they offer
      ['sendonly', 'sendonly', 'inactive'], // both hold
      ['sendonly', 'recvonly', 'sendonly'],
      ['recvonly', 'sendrecv', 'recvonly'],
      ['recvonly', 'recvonly', 'inactive'],
      ['inactive', 'sendrecv', 'inactive'],
    ];
    for (const [wanted, offered, expected] of table) expect(answerDirection(wanted, offered), `${wanted} × ${offered}`).toBe(expected);
  });

  it('reads the audio direction: media level over session level, default sendrecv, 0.0.0.0 is hold', () => {
    expect(sdpAudioDirection(offer([]))).toBe('sendrecv');
    expect(sdpAudioDirection(offer(['a=sendonly']))).toBe('sendonly');
    expect(sdpAudioDirection(offer([], ['a=recvonly']))).toBe('recvonly');
    expect(sdpAudioDirection(offer(['a=sendrecv'], ['a=inactive']))).toBe('sendrecv');
    expect(sdpAudioDirection(offer([]).replace('c=IN IP4 127.0.0.1', 'c=IN IP4 0.0.0.0'))).toBe('inactive');
    expect(sdpAudioDirection(`${offer([])}m=video 0 RTP/AVP 96\r\na=inactive\r\n`)).toBe('sendrecv');
  });
});
