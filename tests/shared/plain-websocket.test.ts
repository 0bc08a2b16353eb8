import { describe, expect, it } from 'vitest';
import { sipAccountSchema } from '../../shared/contract/sip.js';
import { isPrivateNetworkHost, plainWebSocketProblem } from '../../shared/plain-websocket.js';

const account = (serverUrl: string) => sipAccountSchema.safeParse({ serverUrl, aor: 'sip:rep@pbx.example.com', dialPlan: 'sip:{e164}@pbx.example.com' });

describe('SIP over plain ws://', () => {
  it('is allowed to this computer and the private network', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', 'localhost', '[::1]', '10.1.2.3', '172.16.0.5', '172.31.255.1', '192.168.1.20', '169.254.3.4', '[fd12:3456::1]', '[fe80::1]', 'pbx', 'pbx.local', 'pbx.office.lan', 'asterisk.home.arpa']) {
      expect(isPrivateNetworkHost(host.replace(/^\[|\]$/g, '')), host).toBe(true);
      expect(account(`ws://${host}:8088/ws`).success, host).toBe(true);
    }
  });

  it('is refused to the internet, with the wss:// URL to use instead', () => {
    for (const host of ['pbx.example.com', '8.8.8.8', '172.32.0.1', '192.169.0.1', '11.0.0.1', '[2001:db8::1]', 'localhost.example.com']) {
      const result = account(`ws://${host}:8088/ws`);
      expect(result.success, host).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: ['serverUrl'], message: expect.stringContaining(`wss://${host}:8088/ws`) });
    }
    expect(plainWebSocketProblem('ws://pbx.example.com')).toMatch(/use wss:\/\/pbx\.example\.com$/);
  });

  it('never stands in the way of wss://', () => {
    expect(account('wss://pbx.example.com:8089/ws').success).toBe(true);
    expect(plainWebSocketProblem('wss://8.8.8.8')).toBeNull();
  });
});
