import { describe, expect, it } from 'vitest';
import { createPlaceCall } from '../../../../main/core/calling/place-call.js';
import type { DialGate } from '../../../../main/core/calling/dial-gate.js';
import { createEventHub } from '../../../../main/core/api/event-hub.js';
import { FarEndVoice } from '../../../../main/core/practice/far-end-audio.js';
import { PracticeLine } from '../../../../main/core/practice/practice-line.js';
import { windowExemptionFor } from '../../../../main/core/practice/window-exemption.js';

const practiceLine = () =>
  new PracticeLine({
    events: createEventHub(),
    media: { create: () => ({ getDescription: async () => ({ body: 'v=0', contentType: 'application/sdp' }), setDescription: async () => undefined, sendDtmf: async () => true, setMute: async () => undefined, close: () => undefined }) },
    now: () => new Date(),
    recordAttempt: () => undefined,
    seed: 1,
    voice: new FarEndVoice(async () => null),
  });

const gateWith = (exemption: DialGate['windowExemption']): DialGate => ({
  doNotCallReason: () => null,
  checkLead: () => ({ allowed: true, legal: { allowed: true } as never }),
  checkNumber: async () => ({ allowed: true, reason: 'Practice: …', leadId: null }) as never,
  checkOwnLine: () => null,
  windowExemption: exemption,
});

describe('the window exemption cannot reach the real SIP line', () => {
  it('an exempt gate dials only through its own practice line', () => {
    const line = practiceLine();
    const exemption = windowExemptionFor(line);
    const sipLine = { dial: async () => ({}) as never };
    expect(() => createPlaceCall({ gate: gateWith(exemption), sip: sipLine, now: () => new Date() })).toThrow(/dials only through its own practice line/);
    // Another practice line is not its line either.
    expect(() => createPlaceCall({ gate: gateWith(exemption), sip: practiceLine(), now: () => new Date() })).toThrow(/its own practice line/);
    expect(() => createPlaceCall({ gate: gateWith(exemption), sip: line, now: () => new Date() })).not.toThrow();
    // A gate without one dials any line, and the gate alone decides.
    expect(() => createPlaceCall({ gate: gateWith(null), sip: sipLine, now: () => new Date() })).not.toThrow();
  });
});
