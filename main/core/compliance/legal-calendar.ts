/**
 * The law's calendar: for a lead's places and zones, the instants at which
 * the law allows a call, and for one instant the verdict naming the rule that
 * decided it. Both are drawn from one function, `ruleIntervals`, so the
 * planner (which works with intervals) and the dial gate (which asks about
 * one instant) cannot disagree: an instant is allowed exactly when it lies in
 * every rule set's intervals in every candidate zone and no cap holds it back.
 */
import { clockText } from '../../../shared/clock-text.js';
import type { LegalVerdict } from '../../../shared/compliance.js';
import { clip, contains, intersect, normalize, type Interval } from '../timezones/intervals.js';
import { clockMinutes, DAY_MS, isoDateOfDay, localDay, localSpans, weekdayOfDay } from '../timezones/zone-clock.js';
import { holidayOn } from './holidays.js';
import { rulesForPlace, type CallCap, type JurisdictionRules } from './jurisdiction-rules.js';

const HOUR_MS = 3_600_000;

/** Who is called, as far as the law cares: where they are, in which zones, and the calls already made to them. */
export interface LegalSubject {
  /** ISO 3166 codes of every candidate place ("US-FL", "FR"); the strictest applies. */
  places: readonly string[];
  /** Candidate IANA zones; a call must be legal in each. */
  zones: readonly string[];
  /** Start instants (epoch ms) of the calls already made to this person, any order. */
  recentCalls?: readonly number[];
}

type DayKind = 'weekday' | 'saturday' | 'sunday';
const KIND_LABEL: Record<DayKind, string> = { weekday: 'weekdays', saturday: 'Saturdays', sunday: 'Sundays' };

/** What one rule set says of one local day: the open spans (minutes) and the rule, in words, that bounds them. */
export interface DayRule {
  spans: Array<{ start: number; end: number }>;
  rule: string;
  source: string;
}

const kindOf = (day: number): DayKind => {
  const weekday = weekdayOfDay(day);
  return weekday === 0 ? 'sunday' : weekday === 6 ? 'saturday' : 'weekday';
};

const spansText = (spans: Array<{ start: string; end: string }>) =>
  spans.map((s) => `${clockText(clockMinutes(s.start))}–${clockText(clockMinutes(s.end))}`).join(' and ');

function sameHoursEveryDay(rules: JurisdictionRules): boolean {
  const { weekday, saturday, sunday } = rules.hours;
  const text = spansText(weekday);
  return saturday.length > 0 && sunday.length > 0 && spansText(saturday) === text && spansText(sunday) === text;
}

/**
 * Each rule set's days as they are asked for: the planner's slot tables ask for every day of the
 * look-ahead in every zone, and the rule's wording (built here each time) showed in plan.cold.
 * Kept per rule set (ruleSetsFor and rulesOf hand out the same objects); a long simulation's days
 * are let go past the bound.
 */
const dayRules = new WeakMap<JurisdictionRules, Map<number, DayRule>>();
const DAYS_KEPT = 4_000;

/** One rule set on one local day (the day's date decides holidays, its weekday the hours). Shared: never change it. */
export function dayRule(rules: JurisdictionRules, day: number): DayRule {
  let days = dayRules.get(rules);
  if (!days) dayRules.set(rules, (days = new Map()));
  let found = days.get(day);
  if (!found) {
    if (days.size >= DAYS_KEPT) days.clear();
    found = ruleOfDay(rules, day);
    days.set(day, found);
  }
  return found;
}

function ruleOfDay(rules: JurisdictionRules, day: number): DayRule {
  if (rules.holidays) {
    const holiday = holidayOn(rules.holidays.calendar, isoDateOfDay(day));
    if (holiday) return { spans: [], rule: `No calls on public holidays (${holiday})`, source: rules.holidays.source };
  }
  const kind = kindOf(day);
  const spans = rules.hours[kind];
  if (spans.length === 0) {
    const source = kind === 'sunday' ? (rules.hours.sundaySource ?? rules.hours.source) : rules.hours.source;
    return { spans: [], rule: `No calls on ${KIND_LABEL[kind]}`, source };
  }
  const when = sameHoursEveryDay(rules) ? '' : ` on ${KIND_LABEL[kind]}`;
  return {
    spans: spans.map((s) => ({ start: clockMinutes(s.start), end: clockMinutes(s.end) })),
    rule: `Calls ${spansText(spans)} local time${when}`,
    source: rules.hours.source,
  };
}

/** The instants in `[from, to)` one rule set allows in one zone (hours, days, holidays; caps aside). */
export function ruleIntervals(rules: JurisdictionRules, zone: string, from: number, to: number): Interval[] {
  const out: Interval[] = [];
  for (let day = localDay(zone, from) - 1; day <= localDay(zone, to) + 1; day++) {
    for (const span of dayRule(rules, day).spans) out.push(...localSpans(zone, day, span.start, span.end));
  }
  return clip(normalize(out), from, to);
}

/**
 * Rule sets by the places they were asked for (joined in order): the planner asks once per lead per
 * plan, and a list of 100,000 leads has few distinct place lists. Bounded, as places come from files.
 */
const ruleSetsByPlaces = new Map<string, readonly JurisdictionRules[]>();

/** Every rule set the places are held to, each once, the most specific first (shared: never change it). */
export function ruleSetsFor(places: readonly string[]): readonly JurisdictionRules[] {
  const key = places.length === 1 ? places[0] : places.join('\u0000');
  let sets = ruleSetsByPlaces.get(key);
  if (!sets) {
    sets = collectRuleSets(places);
    if (ruleSetsByPlaces.size < 10_000) ruleSetsByPlaces.set(key, sets);
  }
  return sets;
}

function collectRuleSets(places: readonly string[]): JurisdictionRules[] {
  const seen = new Map<string, JurisdictionRules>();
  const countries: JurisdictionRules[] = [];
  for (const place of places) {
    for (const rules of rulesForPlace(place)) {
      if (seen.has(rules.code)) continue;
      seen.set(rules.code, rules);
      if (rules.code.includes('-')) countries.unshift(rules);
      else countries.push(rules);
    }
  }
  return countries;
}

/**
 * Instants in `[from, to)` the law allows for the subject's hours, days and holidays, in every zone and under
 * every rule set. Caps depend on the person's own calls, not the calendar: see capsNotBefore.
 */
export function legalIntervals(subject: LegalSubject, from: number, to: number): Interval[] {
  if (subject.places.length === 0 || subject.zones.length === 0) return [];
  let result: Interval[] = [{ start: from, end: to }];
  for (const rules of ruleSetsFor(subject.places)) {
    for (const zone of subject.zones) result = intersect(result, ruleIntervals(rules, zone, from, to));
  }
  return result;
}

/** The first instant the caps allow another call, given the calls made before `at` (−∞ when no cap binds). */
export function capsNotBefore(subject: LegalSubject, at: number): number {
  let notBefore = Number.NEGATIVE_INFINITY;
  for (const rules of ruleSetsFor(subject.places)) {
    for (const cap of rules.caps ?? []) notBefore = Math.max(notBefore, capNotBefore(cap, subject.recentCalls ?? [], at));
  }
  return notBefore;
}

/** With `calls` most recent first among those before `at`: the N-th most recent, plus the window, is when the cap lets go. */
function capNotBefore(cap: CallCap, calls: readonly number[], at: number): number {
  const before = calls.filter((ms) => ms <= at).sort((a, b) => b - a);
  if (before.length < cap.calls) return Number.NEGATIVE_INFINITY;
  return before[cap.calls - 1] + cap.windowHours * HOUR_MS;
}

function capText(cap: CallCap): string {
  const window = cap.windowHours % 24 === 0 && cap.windowHours > 24 ? `${cap.windowHours / 24} days` : `${cap.windowHours} hours`;
  return `At most ${cap.calls} calls to the same person in any ${window}`;
}

/** Where nothing places the number, no law can be applied: such a call is never made. */
export const UNPLACED: LegalVerdict = {
  allowed: false,
  jurisdiction: null,
  rule: 'The number cannot be placed in a country, state or province, so its calling law is unknown',
  source: 'Dialdesk: a call is only made where the law of the called place is known',
};

/**
 * The law's verdict on a call at `at`: the first rule (most specific place
 * first, in each candidate zone) that refuses it, else allowed under the most
 * specific place's rule for that day. Do-not-call is judged by the caller
 * (dial gate) before this: it needs the lists, not the calendar.
 */
export function legalVerdict(subject: LegalSubject, at: number): LegalVerdict {
  if (subject.places.length === 0) return UNPLACED;
  const sets = ruleSetsFor(subject.places);
  if (subject.zones.length === 0) {
    return { allowed: false, jurisdiction: sets[0].code, rule: 'No time zone is known for this number, so its local time is unknown', source: sets[0].hours.source };
  }
  for (const rules of sets) {
    for (const zone of subject.zones) {
      if (contains(ruleIntervals(rules, zone, at - DAY_MS, at + DAY_MS), at)) continue;
      const { rule, source } = dayRule(rules, localDay(zone, at));
      return { allowed: false, jurisdiction: rules.code, rule, source };
    }
  }
  for (const rules of sets) {
    for (const cap of rules.caps ?? []) {
      if (at < capNotBefore(cap, subject.recentCalls ?? [], at)) return { allowed: false, jurisdiction: rules.code, rule: capText(cap), source: cap.source };
    }
  }
  const { rule, source } = dayRule(sets[0], localDay(subject.zones[0], at));
  return { allowed: true, jurisdiction: sets[0].code, rule, source };
}

/** A do-not-call refusal in the law's terms: the most specific place's country names the law that binds it. */
export function doNotCallVerdict(places: readonly string[], rule: string): LegalVerdict {
  const sets = ruleSetsFor(places);
  const country = sets.find((rules) => !rules.code.includes('-'));
  return {
    allowed: false,
    jurisdiction: country?.code ?? null,
    rule,
    source: country?.doNotCallSource ?? "The person's own request not to be called (a do-not-call request binds everywhere Dialdesk dials)",
  };
}

/** The text a rep reads: "Florida: calls 8:00–20:00 local time (Fla. Stat. § 501.616(6)(a))". */
export function verdictText(verdict: LegalVerdict): string {
  const name = verdict.jurisdiction ? ruleSetsFor([verdict.jurisdiction])[0].name : null;
  const rule = name ? `${name}: ${verdict.rule.charAt(0).toLowerCase()}${verdict.rule.slice(1)}` : verdict.rule;
  return `${rule} (${verdict.source})`;
}

