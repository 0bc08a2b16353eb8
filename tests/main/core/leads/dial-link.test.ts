import { describe, expect, it } from 'vitest';
import { createEventHub } from '../../../../main/core/api/event-hub.js';
import { createDialLinkInbox } from '../../../../main/core/leads/dial-link-inbox.js';
import { dialLinkInArgv, parseDialLink } from '../../../../main/core/leads/dial-link.js';

const ok = (raw: string, country = 'US') => {
  const result = parseDialLink(raw, country);
  if (!result.ok) throw new Error(`expected ${raw} to parse: ${result.reason}`);
  return result.link;
};
const reason = (raw: unknown, country = 'US') => {
  const result = parseDialLink(raw, country);
  if (result.ok) throw new Error(`expected ${String(raw)} to be refused, got ${JSON.stringify(result.link)}`);
  return result.reason;
};

describe('parseDialLink', () => {
  it('reads tel: links as CRMs write them (RFC 3966 separators, percent-encoding, ext, phone-context)', () => {
    expect(ok('tel:+12125550147')).toEqual({ scheme: 'tel', number: '+12125550147', extension: '', name: null });
    expect(ok('tel:+1-212-555-0147').number).toBe('+12125550147');
    expect(ok('tel:+1.212.555.0147').number).toBe('+12125550147');
    expect(ok('tel:+1%20(212)%20555-0147').number).toBe('+12125550147');
    expect(ok('TEL:+12125550147').scheme).toBe('tel');
    expect(ok('tel:+1-212-555-0147;ext=42')).toMatchObject({ number: '+12125550147', extension: '42' });
    expect(ok('tel:2125550147;phone-context=+1').number).toBe('+12125550147');
    // The context's prefix wins over the rep's default country; a domain context leaves the default.
    expect(ok('tel:2125550147;phone-context=+1', 'GB').number).toBe('+12125550147');
    expect(ok('tel:020-7946-0958;phone-context=example.com', 'GB').number).toBe('+442079460958');
    // National numbers take the rep's default country.
    expect(ok('tel:020 7946 0958', 'GB').number).toBe('+442079460958');
    expect(ok('tel:(212) 555-0147', 'US').number).toBe('+12125550147');
    expect(ok('tel:+49 30 901820').number).toBe('+4930901820');
  });

  it('reads callto:, sip: and sips: links whose user part is a number', () => {
    expect(ok('callto:+12125550147')).toMatchObject({ scheme: 'callto', number: '+12125550147' });
    expect(ok('callto://+12125550147').number).toBe('+12125550147');
    expect(ok('sip:+12125550147@pbx.example.com;user=phone')).toMatchObject({ scheme: 'sip', number: '+12125550147' });
    expect(ok('sip:+12125550147@pbx.example.com:5061;transport=tls?subject=hi').number).toBe('+12125550147');
    expect(ok('sips:12125550147@pbx.example.com').number).toBe('+12125550147');
    expect(ok('sip:%2B12125550147@pbx.example.com').number).toBe('+12125550147');
  });

  it('reads dialdesk://dial with number and name', () => {
    expect(ok('dialdesk://dial?number=%2B12125550147&name=Dana%20Whitfield')).toEqual({
      scheme: 'dialdesk',
      number: '+12125550147',
      extension: '',
      name: 'Dana Whitfield',
    });
    expect(ok('dialdesk://dial/?number=+1%20212%20555%200147').number).toBe('+12125550147');
    expect(ok('dialdesk:dial?number=2125550147&name=')).toMatchObject({ number: '+12125550147', name: null });
  });

  it('refuses malformed links with a reason, never a guess', () => {
    expect(reason('')).toMatch(/empty/);
    expect(reason('   ')).toMatch(/empty/);
    expect(reason(42)).toMatch(/cannot be opened/);
    expect(reason(null)).toMatch(/cannot be opened/);
    expect(reason('https://crm.example/lead/7')).toMatch(/not a tel:, callto:, sip: or dialdesk/);
    expect(reason('javascript:alert(1)')).toMatch(/not a tel:/);
    expect(reason('+12125550147')).toMatch(/not a tel:/);
    expect(reason('tel:')).toMatch(/has no number/);
    expect(reason('tel:+1212')).toMatch(/not a valid phone number/);
    expect(reason('tel:12345', 'US')).toMatch(/not a valid phone number in US/);
    expect(reason('tel:+1-212-555-0147;ext=abc')).toMatch(/extension/);
    expect(reason('tel:%E0%A4%A')).toMatch(/encoded/);
    expect(reason('tel:+1 212 555 0147\n')).toMatch(/cannot be opened/);
    expect(reason('tel:+1\u0000212')).toMatch(/control characters/);
    expect(reason(`tel:+1${'2'.repeat(3000)}`)).toMatch(/longer than 2048/);
    // A letter-word "number" is not looked up (a vanity number or a Skype name).
    expect(reason('callto:dana.whitfield')).toMatch(/not a phone number/);
    expect(reason('tel:1-800-FLOWERS')).toMatch(/not a phone number/);
    expect(reason('sip:alice@example.com')).toMatch(/names no phone number/);
    expect(reason('sip:')).toMatch(/has no number|no phone number/);
    expect(reason('dialdesk://call?number=%2B12125550147')).toMatch(/"dial" only/);
    expect(reason('dialdesk://dial')).toMatch(/number=/);
    expect(reason('dialdesk://dial?number=%2B12125550147&autodial=1')).toMatch(/number= and name= only, not autodial=/);
    expect(reason('dialdesk://dial?number=1&number=%2B12125550147')).toMatch(/twice/);
    expect(reason(`dialdesk://dial?number=%2B12125550147&name=${'a'.repeat(201)}`)).toMatch(/200 characters/);
    expect(reason('dialdesk://dial?number=%2B1%20212%20555')).toMatch(/not a valid phone number/);
  });

  it('every reason says the link cannot be opened', () => {
    for (const raw of ['', 'x', 'tel:abc', 'sip:bob@x', 'dialdesk://dial?number=']) expect(reason(raw)).toMatch(/^This link cannot be opened: .+\.$/);
  });
});

describe('dialLinkInArgv', () => {
  it('finds the link among Chromium switches and paths, as Windows and Linux pass it', () => {
    expect(dialLinkInArgv(['/opt/Dialdesk/dialdesk', '--no-sandbox', 'tel:+12125550147'])).toBe('tel:+12125550147');
    expect(dialLinkInArgv(['C:\\Program Files\\Dialdesk\\Dialdesk.exe', '--allow-file-access-from-files', 'dialdesk://dial?number=1'])).toBe('dialdesk://dial?number=1');
    expect(dialLinkInArgv(['dialdesk', '.', '--data-dir', '/tmp/x'])).toBeNull();
    expect(dialLinkInArgv(['C:\\x\\Dialdesk.exe', 'https://evil.example'])).toBeNull();
  });
});

describe('the dial-link inbox', () => {
  it('keeps the newest link until the page takes it, and tells the page one arrived', () => {
    const events = createEventHub();
    const seen: string[] = [];
    events.subscribe((event) => seen.push(event.type));
    const inbox = createDialLinkInbox(events);
    expect(inbox.take()).toBeNull();
    inbox.deliver('tel:+12125550147');
    inbox.deliver('tel:+13055550123');
    expect(seen).toEqual(['dial-link.received', 'dial-link.received']);
    expect(inbox.take()).toBe('tel:+13055550123');
    expect(inbox.take()).toBeNull();
  });
});
