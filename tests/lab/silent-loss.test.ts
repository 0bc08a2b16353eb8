/**
 * A line that dies without a word: Kamailio frozen with SIGSTOP sends no FIN and no RST, as when
 * a laptop lid closes or a NAT forgets the flow. The WebSocket keep-alive must report the line
 * offline within 30 s, and once Kamailio runs again (SIGCONT) the line registers within 10 s.
 * The app's own keep-alive interval (10 s) and reconnect backoff are used: the test proves the
 * shipped figures.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF } from '../../main/core/sip/backoff.js';
import { KEEP_ALIVE_INTERVAL_MS } from '../../main/core/sip/keep-alive-websocket.js';
import { stopLabAfterAll } from './cleanup.js';
import { Lab } from './lab.js';
import { SipClient } from './sip-client.js';

describe('silent network loss', () => {
  const lab = new Lab('silent-loss');
  let rep: SipClient | null = null;

  stopLabAfterAll(lab, async () => {
    await rep?.close();
  });

  it('reports a frozen server offline within 30 s and registers again within 10 s of it waking', async () => {
    expect(KEEP_ALIVE_INTERVAL_MS).toBeLessThanOrEqual(15_000);
    const kamailio = await lab.startKamailio({ auth: true });
    rep = new SipClient({ deps: { backoff: DEFAULT_BACKOFF } });
    await rep.service.start();
    await rep.waitRegistration('registered');

    const frozenAt = Date.now();
    kamailio.signal('SIGSTOP');
    try {
      const offline = await rep.waitRegistration('offline', 30_000);
      expect(Date.now() - frozenAt).toBeLessThan(30_000);
      expect(offline.reason).toMatch(/connection to the SIP server lost/);
      // Frozen a while longer: reconnects fail (the handshake is never answered) and back off.
      await new Promise((resolve) => setTimeout(resolve, 8_000));
      expect(rep.service.getRegistration().status).not.toBe('registered');
    } finally {
      kamailio.signal('SIGCONT');
    }
    const wokeAt = Date.now();
    await rep.waitRegistration('registered', 10_000);
    expect(Date.now() - wokeAt).toBeLessThan(10_000);
    expect(rep.registrationStatuses()).not.toContain('idle');
  }, 90_000);
});
