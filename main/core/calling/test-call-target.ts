/**
 * What a rep types into the Phone screen's test call, read as a phone number
 * (E.164, or national in the rep's country) or as a line of their own PBX (an
 * extension such as `600`, or `sip:echo@pbx.example.com`). A phone number goes
 * through the gate like any dial; an own line reaches no lead's phone, so it is
 * the rep's own setup check. Anything that could reach the public network in
 * disguise (a number inside a SIP address, an emergency code) is not an own line.
 */
import { parsePhone } from '../timezones/phone-zones.js';

export type TestCallTarget = { kind: 'number'; number: string } | { kind: 'own-line'; uri: string } | { kind: 'refused'; reason: string };

export interface TestCallAccount {
  /** The account's address (sip:rep@pbx.example.com): its domain is the rep's own. */
  aor: string;
  /** The dial plan's template: the PBX it sends numbers to is the rep's own too. */
  dialPlan: string;
}

/** Emergency codes in the countries our reps call from and to; never a setup check. */
const EMERGENCY = new Set(['000', '08', '100', '101', '102', '108', '110', '112', '118', '119', '15', '17', '18', '911', '933', '999']);
const EXTENSION = /^(?:[0-9*#]{1,6}|[a-z][a-z0-9._-]{0,31})$/i;
const SIP_ADDRESS = /^(sips?):([^\s@;:]+)@([^\s@;>]+)$/i;

/** The host part of a SIP address or template, lower-cased, without a port; null when there is none. */
function hostOf(uri: string): string | null {
  const match = /@([^\s;:>]+)/.exec(uri);
  return match ? match[1].toLowerCase() : null;
}

/** Reads `text` as a test call's target, or says why it cannot be one. */
export function testCallTarget(text: string, defaultCountry: string, account: TestCallAccount | null): TestCallTarget {
  const typed = text.trim();
  const own = account ? [hostOf(account.aor), hostOf(account.dialPlan)].filter((h): h is string => h !== null) : [];
  const asNumber = (candidate: string): TestCallTarget | null => {
    const parsed = parsePhone(candidate, defaultCountry);
    return parsed?.isValid() ? { kind: 'number', number: parsed.number } : null;
  };
  const ownLine = (user: string, host: string, scheme = 'sip'): TestCallTarget => {
    if (EMERGENCY.has(user.replace(/[*#]/g, ''))) return { kind: 'refused', reason: `${user} is an emergency number; a test call never goes there` };
    return { kind: 'own-line', uri: `${scheme.toLowerCase()}:${user}@${host}` };
  };

  const address = SIP_ADDRESS.exec(typed);
  if (address) {
    const [, scheme, user, hostAndPort] = address;
    const host = hostAndPort.split(':')[0].toLowerCase();
    if (!own.includes(host)) {
      return {
        kind: 'refused',
        reason: own.length
          ? `${typed} is not on your phone account's domain (${own.join(' or ')}); test-call a line of your own PBX or a phone number`
          : 'No SIP account is set up: a SIP address can only be test-called on your own account',
      };
    }
    // A phone number written as a SIP address still rings a phone: it is checked as a number.
    return asNumber(user) ?? ownLine(user, hostAndPort, scheme);
  }
  if (EXTENSION.test(typed)) {
    if (own.length === 0) return { kind: 'refused', reason: 'No SIP account is set up: an extension needs your own PBX' };
    return ownLine(typed, own[0]);
  }
  return (
    asNumber(typed) ?? {
      kind: 'refused',
      reason: `“${typed}” is not a phone number (in ${defaultCountry} or with its + country code), an extension or a SIP address such as sip:echo@${own[0] ?? 'pbx.example.com'}`,
    }
  );
}
