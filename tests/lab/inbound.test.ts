/**
 * Inbound calls from sipp (a lead calling back) through Kamailio to the core. Outside a dial
 * block the call rings (event with the matched lead) and the rep can answer; while suppressed
 * the core answers by policy — sipp's scenario only passes on the exact status — and every call
 * is handed to recordInbound.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stopLabAfterAll } from './cleanup.js';
import type { InboundSuppression } from '../../shared/sip.js';
import { Lab, LAB_DOMAIN, type LabProcess } from './lab.js';
import { SipClient } from './sip-client.js';

const CALLER = '+15551230123';
const LEADS = { [CALLER]: 'lead-caller' };

describe('inbound calls (sipp → Kamailio → core)', () => {
  const lab = new Lab('inbound');
  const clients: SipClient[] = [];
  let sipp: LabProcess | null = null;

  beforeAll(async () => {
    await lab.startKamailio({ auth: true });
  });

  afterEach(async () => {
    await sipp?.stop();
    sipp = null;
    for (const c of clients.splice(0)) await c.close();
  });

  stopLabAfterAll(lab);

  const registeredRep = async (user: string, suppression: InboundSuppression = 'busy-486', voicemailUri = '') => {
    const rep = new SipClient({
      account: { aor: `sip:${user}@${LAB_DOMAIN}`, authUsername: user, inboundSuppression: suppression, voicemailUri },
      leads: LEADS,
    });
    clients.push(rep);
    await rep.service.start();
    await rep.waitRegistration('registered');
    return rep;
  };

  const callFromLead = (user: string, scenario: string) =>
    lab.startSipp({ role: 'uac', scenario, service: user, keys: { caller: CALLER }, timeoutSeconds: 25 });

  const sippPassed = async () => {
    const exit = await sipp!.waitExit(20_000);
    expect(exit.code, `sipp scenario failed; see ${sipp!.logFile} and ${lab.runDir}`).toBe(0);
  };

  it('rings when no dial block is active; the rep answers; the lead hangs up', async () => {
    const rep = await registeredRep('rep-in1');
    sipp = await callFromLead('rep-in1', 'uac_answered.xml');
    const ringing = await rep.waitUntil('inbound ringing event', () => {
      const e = rep.events.find((x) => x.type === 'sip.inbound');
      return e?.type === 'sip.inbound' ? e.call : undefined;
    });
    expect(ringing).toMatchObject({ direction: 'inbound', status: 'ringing', number: CALLER, leadId: 'lead-caller', displayName: 'Lead Caller' });
    await rep.service.answerInbound(ringing.id);
    await rep.waitCall(ringing.id, (c) => c.status === 'connected', 'connected');
    const ended = await rep.waitEnded(ringing.id);
    expect(ended.endReason).toBe('hangup-remote');
    expect(rep.inbound).toEqual([
      expect.objectContaining({ id: ringing.id, from: CALLER, leadId: 'lead-caller', response: 'accepted' }),
    ]);
    await sippPassed();
  });

  it('the rep declines a ringing call → 486, recorded as declined', async () => {
    const rep = await registeredRep('rep-in2');
    sipp = await callFromLead('rep-in2', 'uac_expect_486.xml');
    const ringing = await rep.waitUntil('inbound ringing event', () => {
      const e = rep.events.find((x) => x.type === 'sip.inbound');
      return e?.type === 'sip.inbound' ? e.call : undefined;
    });
    await rep.service.declineInbound(ringing.id);
    await sippPassed();
    expect(rep.inbound).toEqual([expect.objectContaining({ response: 'declined', leadId: 'lead-caller' })]);
  });

  const suppressed: Array<[InboundSuppression, string, string]> = [
    ['busy-486', 'uac_expect_486.xml', 'busy-486'],
    ['unavailable-480', 'uac_expect_480.xml', 'unavailable-480'],
    ['divert-302', 'uac_expect_302.xml', 'diverted-302'],
  ];
  for (const [suppression, scenario, response] of suppressed) {
    it(`during a dial block: answered ${suppression} without ringing, recorded with the lead`, async () => {
      const user = `rep-${suppression}`;
      const rep = await registeredRep(user, suppression, suppression === 'divert-302' ? `sip:voicemail@${LAB_DOMAIN}` : '');
      rep.service.setDialBlockActive(true);
      sipp = await callFromLead(user, scenario);
      await sippPassed();
      await rep.waitUntil('inbound record', () => (rep.inbound.length > 0 ? true : undefined));
      expect(rep.inbound).toEqual([
        expect.objectContaining({ from: CALLER, leadId: 'lead-caller', response, reason: 'dial block active' }),
      ]);
      // The UI never rang.
      expect(rep.events.some((e) => e.type === 'sip.inbound')).toBe(false);
      if (suppression === 'divert-302') {
        // Kamailio's add_contact_alias (WS NAT handling) appends ";alias=…" on the way out.
        expect(lab.sippMessages(sipp)).toMatch(/^Contact: <sip:voicemail@127\.0\.0\.1:25060[;>]/m);
      }
    });
  }

  it('already on a call: a second inbound call is suppressed even outside a dial block', async () => {
    const rep = await registeredRep('rep-busy');
    const uas = await lab.startSipp({ role: 'uas', scenario: 'uas' });
    try {
      const call = await rep.service.dial({ number: '+15550002222', leadId: null });
      await rep.waitCall(call.id, (c) => c.status === 'connected', 'connected');
      sipp = await callFromLead('rep-busy', 'uac_expect_486.xml');
      await sippPassed();
      expect(rep.inbound).toEqual([expect.objectContaining({ response: 'busy-486', reason: 'already on a call' })]);
      await rep.service.hangUp(call.id);
      await rep.waitEnded(call.id);
    } finally {
      await uas.stop();
    }
  });
});
