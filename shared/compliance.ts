/**
 * The law's answer on one dial, and the rules it is drawn from, as plain data
 * (crosses IPC and prints in `cli check --json` / `cli rules --json`).
 * The rules themselves live in main/core/compliance/jurisdiction-rules.ts.
 */

/** What the law alone says of a dial at an instant: hours, days, holidays, caps, do-not-call. */
export interface LegalVerdict {
  allowed: boolean;
  /**
   * ISO 3166-2 code where a subdivision's rule applies ("US-FL", "CA-ON"), else the country ("AU", "FR", "US").
   * When refused: the jurisdiction whose rule refused. Null only when the number could not be placed at all.
   */
  jurisdiction: string | null;
  /** The rule that decided, in words: "Calls 8:00–20:00 local time", "No calls on Sundays". */
  rule: string;
  /** Its legal source: "Fla. Stat. § 501.616(6)(a)". */
  source: string;
}

/** A span of local clock time `[start, end)`, "HH:MM" 24-hour ("24:00" ends the day). */
export interface ClockSpan {
  start: string;
  end: string;
}

/** One jurisdiction's rules, as `cli rules` and the Settings screen list them. */
export interface JurisdictionSummary {
  code: string;
  name: string;
  /** The jurisdiction whose rules also apply (a state's country). */
  parent: string | null;
  hours: { weekday: ClockSpan[]; saturday: ClockSpan[]; sunday: ClockSpan[]; source: string; sundaySource: string };
  /** Public holidays with no calls (from the date-holidays package), or null. */
  holidays: { calendar: string; source: string } | null;
  caps: Array<{ calls: number; windowHours: number; source: string }>;
  note: string | null;
}
