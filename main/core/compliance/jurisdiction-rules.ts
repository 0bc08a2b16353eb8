/**
 * Every jurisdiction's calling rules, as data: hours per kind of day, days
 * with no calls (Sundays, public holidays from the date-holidays package),
 * and caps on calls to one person in a rolling window. Each rule carries the
 * citation it was checked against. The verdict (legal-calendar.ts) reads
 * nothing but this table, so a new state is a new entry, never a new `if`.
 *
 * A subdivision's rules add to its country's (`parent`): a Florida number is
 * held to Florida's hours and to the federal ones, whichever is stricter at
 * that instant. A country with no entry gets DEFAULT_RULES (8:00–21:00).
 */
import type { ClockSpan, JurisdictionSummary } from '../../../shared/compliance.js';

export interface CallCap {
  /** At most this many calls to the same person … */
  calls: number;
  /** … within any rolling window of this many hours. */
  windowHours: number;
  source: string;
}

export interface JurisdictionRules {
  /** ISO 3166-1 alpha-2 ("FR") or ISO 3166-2 ("US-FL"). */
  code: string;
  name: string;
  hours: {
    weekday: ClockSpan[];
    saturday: ClockSpan[];
    /** [] = no calls on Sundays. */
    sunday: ClockSpan[];
    source: string;
    /** Where the Sunday rule comes from, when another text than the hours' (Mississippi). */
    sundaySource?: string;
  };
  /** No calls on the public holidays of this date-holidays calendar ("US-UT", "AU"). */
  holidays?: { calendar: string; source: string };
  caps?: CallCap[];
  /** The law that makes a do-not-call request or registry entry binding here (countries). */
  doNotCallSource?: string;
  note?: string;
}

const span = (start: string, end: string): ClockSpan => ({ start, end });
const every = (spans: ClockSpan[]) => ({ weekday: spans, saturday: spans, sunday: spans });

const FEDERAL_US_SOURCE = '47 CFR 64.1200(c)(1); 16 CFR 310.4(c)';
const FLORIDA = 'Fla. Stat. § 501.616(6)';

/** Where no rule of a country is known: the US federal window, the most common statutory one. */
export const DEFAULT_HOURS = span('08:00', '21:00');
export const DEFAULT_SOURCE = 'No national calling-hours rule is on record; Dialdesk keeps 8:00–21:00 local time';

export const JURISDICTIONS: readonly JurisdictionRules[] = [
  {
    code: 'US',
    name: 'United States',
    hours: { ...every([span('08:00', '21:00')]), source: FEDERAL_US_SOURCE },
    doNotCallSource: '47 CFR 64.1200(c)(2), (d)(3); 16 CFR 310.4(b)(1)(iii)',
  },
  {
    code: 'US-FL',
    name: 'Florida',
    hours: { ...every([span('08:00', '20:00')]), source: `${FLORIDA}(a)` },
    caps: [{ calls: 3, windowHours: 24, source: `${FLORIDA}(b)` }],
  },
  {
    code: 'US-OK',
    name: 'Oklahoma',
    hours: { ...every([span('08:00', '20:00')]), source: '15 O.S. § 775C.4' },
    caps: [{ calls: 3, windowHours: 24, source: '15 O.S. § 775C.4' }],
  },
  {
    code: 'US-MD',
    name: 'Maryland',
    hours: { ...every([span('08:00', '20:00')]), source: 'Md. Code, Com. Law § 14-4501 ff. (Stop the Spam Calls Act of 2023)' },
    caps: [{ calls: 3, windowHours: 24, source: 'Md. Code, Com. Law § 14-4501 ff. (Stop the Spam Calls Act of 2023)' }],
  },
  {
    code: 'US-WA',
    name: 'Washington',
    hours: { ...every([span('08:00', '20:00')]), source: 'RCW 80.36.390' },
  },
  {
    code: 'US-TX',
    name: 'Texas',
    hours: {
      weekday: [span('09:00', '21:00')],
      saturday: [span('09:00', '21:00')],
      sunday: [span('12:00', '21:00')],
      source: 'Tex. Bus. & Com. Code § 301.051',
    },
  },
  {
    code: 'US-UT',
    name: 'Utah',
    hours: { weekday: [span('08:00', '21:00')], saturday: [span('08:00', '21:00')], sunday: [], source: 'Utah Code § 13-25a-103' },
    holidays: { calendar: 'US-UT', source: 'Utah Code § 13-25a-103' },
  },
  {
    code: 'US-RI',
    name: 'Rhode Island',
    hours: {
      weekday: [span('09:00', '18:00')],
      saturday: [span('10:00', '17:00')],
      sunday: [],
      source: 'R.I. Gen. Laws §§ 5-61-2(2), 5-61-3.6',
    },
    holidays: { calendar: 'US-RI', source: 'R.I. Gen. Laws § 5-61-2(2) (no calls on a state or federal holiday)' },
  },
  {
    code: 'US-AL',
    name: 'Alabama',
    hours: { weekday: [span('08:00', '20:00')], saturday: [span('08:00', '20:00')], sunday: [], source: 'Ala. Admin. Code r. 770-X-5-.17' },
    holidays: { calendar: 'US-AL', source: 'Ala. Admin. Code r. 770-X-5-.17' },
  },
  {
    code: 'US-MS',
    name: 'Mississippi',
    hours: {
      weekday: [span('08:00', '21:00')],
      saturday: [span('08:00', '21:00')],
      sunday: [],
      source: FEDERAL_US_SOURCE,
      sundaySource: 'Miss. Code Ann. § 77-3-723(1)',
    },
  },
  {
    code: 'US-LA',
    name: 'Louisiana',
    hours: { weekday: [span('08:00', '20:00')], saturday: [span('08:00', '20:00')], sunday: [], source: 'La. R.S. 45:811(2)–(3)' },
    holidays: { calendar: 'US-LA', source: 'La. R.S. 45:811(3) (no calls on a state holiday)' },
  },
  {
    code: 'US-PA',
    name: 'Pennsylvania',
    hours: { ...every([span('08:00', '21:00')]), source: '73 P.S. § 2245(a)' },
    holidays: { calendar: 'US-PA', source: '73 P.S. § 2245(a)(10) (no calls on a legal holiday, since 2019)' },
  },
  {
    code: 'CA',
    name: 'Canada',
    hours: {
      weekday: [span('09:00', '21:30')],
      saturday: [span('10:00', '18:00')],
      sunday: [span('10:00', '18:00')],
      source: 'CRTC Unsolicited Telecommunications Rules, Part III (Telemarketing Rules)',
    },
    doNotCallSource: 'CRTC Unsolicited Telecommunications Rules, Parts II–III (National DNCL and internal do-not-call lists)',
    note: 'Provinces may restrict further; add a stricter window in Settings where one applies to you.',
  },
  {
    code: 'AU',
    name: 'Australia',
    hours: {
      weekday: [span('09:00', '20:00')],
      saturday: [span('09:00', '17:00')],
      sunday: [],
      source: 'Telecommunications (Telemarketing and Research Calls) Industry Standard 2017, s 8',
    },
    holidays: { calendar: 'AU', source: 'Telecommunications (Telemarketing and Research Calls) Industry Standard 2017, s 8 (national public holidays)' },
    doNotCallSource: 'Do Not Call Register Act 2006 (Cth), s 11',
  },
  {
    code: 'FR',
    name: 'France',
    hours: {
      weekday: [span('10:00', '13:00'), span('14:00', '20:00')],
      saturday: [],
      sunday: [],
      source: 'Code de la consommation, art. D. 223-9 (Décret n° 2022-1313)',
    },
    holidays: { calendar: 'FR', source: 'Code de la consommation, art. D. 223-9 (Décret n° 2022-1313; jours fériés, C. trav. art. L. 3133-1)' },
    caps: [{ calls: 4, windowHours: 30 * 24, source: 'Code de la consommation, art. D. 223-9 (Décret n° 2022-1313)' }],
    doNotCallSource: 'Code de la consommation, art. L. 223-1 (Bloctel) and art. D. 223-9 (a refusal binds for 60 days)',
  },
  {
    code: 'GB',
    name: 'United Kingdom',
    hours: { ...every([DEFAULT_HOURS]), source: 'No statutory calling hours; Dialdesk keeps 8:00–21:00 local time' },
    doNotCallSource: 'Privacy and Electronic Communications Regulations 2003, reg. 21 (TPS)',
    note: "Ofcom's persistent-misuse policy (Communications Act 2003, s 128–131) treats repeated or unreasonable-hour calls as misuse.",
  },
];

const BY_CODE = new Map(JURISDICTIONS.map((rules) => [rules.code, rules]));

/** The country a code belongs to ("US-FL" → "US"). */
export const countryOfCode = (code: string): string => code.slice(0, 2);

/**
 * A country without an entry, built once per country: the planner asks for every lead's rules on
 * every plan, and naming the country (Intl.DisplayNames) each time showed in the profile.
 */
const DEFAULT_RULES = new Map<string, JurisdictionRules>();

/** The rules of one jurisdiction, a country without an entry getting the default window under its own code. */
export function rulesOf(code: string): JurisdictionRules {
  const known = BY_CODE.get(code);
  if (known) return known;
  const country = countryOfCode(code);
  const entry = BY_CODE.get(country);
  if (entry) return entry;
  let rules = DEFAULT_RULES.get(country);
  if (!rules) {
    rules = { code: country, name: countryName(country), hours: { ...every([DEFAULT_HOURS]), source: DEFAULT_SOURCE } };
    // Codes come from places Dialdesk resolved (two letters each); the bound only keeps junk from growing it.
    if (DEFAULT_RULES.size < 2_000) DEFAULT_RULES.set(country, rules);
  }
  return rules;
}

/**
 * Every rule set a place is held to, most specific first: a subdivision with
 * an entry, then its country (with an entry or the default). "US-NY", which
 * has no entry of its own, is held to the US federal rules.
 */
export function rulesForPlace(place: string): JurisdictionRules[] {
  const country = countryOfCode(place);
  const own = place !== country ? BY_CODE.get(place) : undefined;
  return own ? [own, rulesOf(country)] : [rulesOf(country)];
}

/** The largest cap count of any rule: how many recent calls a lead's history must remember. */
export const MAX_CAP_CALLS = Math.max(...JURISDICTIONS.flatMap((rules) => (rules.caps ?? []).map((cap) => cap.calls)));
/** The longest cap window, in ms. */
export const MAX_CAP_WINDOW_MS = Math.max(...JURISDICTIONS.flatMap((rules) => (rules.caps ?? []).map((cap) => cap.windowHours))) * 3_600_000;

let regionNames: Intl.DisplayNames | null = null;
export function countryName(code: string): string {
  regionNames ??= new Intl.DisplayNames('en', { type: 'region' });
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export function summarize(rules: JurisdictionRules): JurisdictionSummary {
  const country = countryOfCode(rules.code);
  return {
    code: rules.code,
    name: rules.name,
    parent: rules.code === country ? null : country,
    hours: { ...rules.hours, sundaySource: rules.hours.sundaySource ?? rules.hours.source },
    holidays: rules.holidays ?? null,
    caps: rules.caps ?? [],
    note: rules.note ?? null,
  };
}
