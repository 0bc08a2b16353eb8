import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { z } from 'zod';
import { digitsOf } from '../../../shared/digits.js';

/**
 * Click-to-dial links: what a CRM page, a mail or the desktop hands Dialdesk.
 *
 *   tel:+1-212-555-0147;ext=12        RFC 3966 (visual separators, ;ext=, a global ;phone-context=+1)
 *   callto:+12125550147, callto://…   Skype-era links many CRMs still write
 *   sip:+12125550147@pbx;user=phone   RFC 3261 (the user part must be a phone number)
 *   dialdesk://dial?number=…&name=…   Dialdesk's own, for CRM buttons that want to pass the name
 *
 * A link only names a number: it never dials (the rep presses Dial and the gate judges the call).
 * Anything else is refused with a reason the rep can act on, and nothing else happens.
 */

export const DIAL_LINK_SCHEMES = ['tel', 'callto', 'sip', 'sips', 'dialdesk'] as const;
export type DialLinkScheme = (typeof DIAL_LINK_SCHEMES)[number];

/** What a link says once it is read: an E.164 number and, for dialdesk://, a name. */
export const dialLinkSchema = z
  .object({
    scheme: z.enum(DIAL_LINK_SCHEMES),
    number: z.string().regex(/^\+[1-9]\d{6,14}$/, 'expected an E.164 number'),
    extension: z.string().regex(/^\d{0,10}$/),
    name: z.string().max(200).nullable(),
  })
  .strict();
export type DialLink = z.infer<typeof dialLinkSchema>;

export type DialLinkResult = { ok: true; link: DialLink } | { ok: false; reason: string };

/** Longer than any real link; a megabyte of "tel:" is refused before anything reads it. */
export const MAX_LINK_LENGTH = 2048;

const rawLinkSchema = z
  .string()
  .max(MAX_LINK_LENGTH, `a link longer than ${MAX_LINK_LENGTH} characters is not a phone link`)
  .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'the link has control characters');

const dialdeskQuerySchema = z
  .object({
    number: z.string({ error: 'dialdesk://dial needs a number= parameter' }).trim().min(1, 'dialdesk://dial needs a number= parameter').max(64, 'the number is too long'),
    name: z.string().trim().max(200, 'the name is longer than 200 characters').optional(),
  })
  .strict();

/** Parses a link; `defaultCountry` reads numbers written without a country code (the rep's Settings). */
export function parseDialLink(raw: unknown, defaultCountry: string): DialLinkResult {
  const checked = rawLinkSchema.safeParse(raw);
  if (!checked.success) return refuse(checked.error.issues[0]?.message ?? 'not a link');
  const text = checked.data.trim();
  if (text === '') return refuse('the link is empty');
  const colon = text.indexOf(':');
  const scheme = colon > 0 ? text.slice(0, colon).toLowerCase() : '';
  if (!(DIAL_LINK_SCHEMES as readonly string[]).includes(scheme)) {
    return refuse(`"${shorten(text)}" is not a tel:, callto:, sip: or dialdesk:// link`);
  }
  const rest = text.slice(colon + 1);
  switch (scheme as DialLinkScheme) {
    case 'tel':
      return fromTel(rest, defaultCountry);
    case 'callto':
      return fromNumberText('callto', rest.replace(/^\/\//, ''), '', null, defaultCountry);
    case 'sip':
    case 'sips':
      return fromSip(scheme as 'sip' | 'sips', rest, defaultCountry);
    case 'dialdesk':
      return fromDialdesk(text, defaultCountry);
  }
}

function fromTel(rest: string, defaultCountry: string): DialLinkResult {
  // tel:NUMBER;param=value;… (RFC 3966 §3); the only parameter that changes what is dialled is ext.
  const [numberPart = '', ...params] = rest.replace(/^\/\//, '').split(';');
  let extension = '';
  let context = '';
  for (const param of params) {
    const [key = '', value = ''] = param.split('=');
    // A local number's phone-context may be a global prefix (RFC 3966 §5.1.5): +1 makes 2125550147 American whatever the default country.
    if (key.toLowerCase() === 'phone-context' && /^\+[\d\-.()]+$/.test(decode(value) ?? '')) context = (decode(value) ?? '').replace(/[^\d+]/g, '');
    if (key.toLowerCase() === 'ext') {
      const decoded = decode(value);
      if (decoded === null || !/^[\d\-.()]{1,20}$/.test(decoded)) return refuse(`the extension "${shorten(value)}" is not digits`);
      extension = digitsOf(decoded);
    }
  }
  const local = decode(numberPart)?.trim() ?? numberPart;
  return fromNumberText('tel', context && !local.startsWith('+') ? `${context}${local}` : numberPart, extension, null, defaultCountry);
}

function fromSip(scheme: 'sip' | 'sips', rest: string, defaultCountry: string): DialLinkResult {
  // sip:user@host;params?headers: a phone number is the user part (user=phone, or digits alone).
  const withoutHeaders = rest.split('?')[0] ?? '';
  const at = withoutHeaders.lastIndexOf('@');
  const user = at >= 0 ? withoutHeaders.slice(0, at) : withoutHeaders.split(';')[0] ?? '';
  const decoded = decode(user.split(';')[0] ?? '');
  if (decoded === null) return refuse('the link is not properly encoded (a stray %)');
  if (!/^[+\d\s\-.()]+$/.test(decoded)) {
    return refuse(`the SIP address "${shorten(`${scheme}:${withoutHeaders}`)}" names no phone number (Dialdesk opens leads by their number)`);
  }
  return fromNumberText(scheme, decoded, '', null, defaultCountry);
}

function fromDialdesk(text: string, defaultCountry: string): DialLinkResult {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse(`"${shorten(text)}" is not a readable dialdesk:// link`);
  }
  // dialdesk://dial?… parses with host "dial"; dialdesk:dial?… (no slashes) with the path "dial".
  const target = url.host || url.pathname.replace(/^\/+/, '');
  if (target.replace(/\/+$/, '') !== 'dial') return refuse(`dialdesk:// links open "dial" only, not "${shorten(target)}"`);
  const params: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (key in params) return refuse(`the link names ${key}= twice`);
    params[key] = value;
  }
  const query = dialdeskQuerySchema.safeParse(params);
  if (!query.success) {
    const issue = query.error.issues[0];
    return refuse(issue?.code === 'unrecognized_keys' ? `dialdesk://dial takes number= and name= only, not ${issue.keys.join(', ')}=` : (issue?.message ?? 'unreadable'));
  }
  return fromNumberText('dialdesk', query.data.number, '', query.data.name || null, defaultCountry);
}

function fromNumberText(scheme: DialLinkScheme, numberText: string, extension: string, name: string | null, defaultCountry: string): DialLinkResult {
  const decoded = decode(numberText);
  if (decoded === null) return refuse('the link is not properly encoded (a stray %)');
  const text = decoded.trim();
  if (text === '') return refuse(`the ${scheme} link has no number`);
  // Only what a phone number is written with: a Skype name or a word is not a number to look up.
  if (!/^\+?[\d\s\-.()/]+(?:\s*(?:ext\.?|x|#)\s*\d{1,10})?$/i.test(text)) return refuse(`"${shorten(text)}" is not a phone number`);
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: defaultCountry as CountryCode, extract: false });
  if (!parsed?.isValid()) {
    return refuse(`"${shorten(text)}" is not a valid phone number${text.startsWith('+') ? '' : ` in ${defaultCountry} (write it with its country code, +1 …)`}`);
  }
  const link = dialLinkSchema.safeParse({ scheme, number: parsed.number, extension: extension || parsed.ext || '', name });
  if (!link.success) return refuse(link.error.issues[0]?.message ?? 'unreadable');
  return { ok: true, link: link.data };
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function refuse(reason: string): DialLinkResult {
  return { ok: false, reason: `This link cannot be opened: ${reason}.` };
}

/** The link a desktop hands a program on its command line (Windows, Linux), if any. */
export function dialLinkInArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const scheme = /^([a-z]+):/i.exec(arg)?.[1]?.toLowerCase();
    if (scheme && (DIAL_LINK_SCHEMES as readonly string[]).includes(scheme)) return arg;
  }
  return null;
}
