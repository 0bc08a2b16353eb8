/** The rep's figures over a range of days, as the stats screen and `cli stats --json` show them. */
export interface StatsReport {
  /** First and last day of the range (YYYY-MM-DD in the rep's zone); null = from the first / to the last. */
  from: string | null;
  to: string | null;
  dials: number;
  conversations: number;
  /** conversations / dials (0 when no dials). */
  conversationRate: number;
  voicemailsLeft: number;
  /** Returns received in the range: a lead's first inbound call or conversation after a voicemail. */
  returns: number;
  /** returns / voicemailsLeft (0 when none left). */
  returnRate: number;
  promisesKept: number;
  promisesBroken: number;
  /** Lead-local hour 0…23. */
  byHour: Array<{ hour: number; dials: number; conversations: number; connectRate: number }>;
  /** Lead-local weekday, 0 = Sunday. */
  byWeekday: Array<{ weekday: number; dials: number; conversations: number; connectRate: number }>;
  /** Per script version: voicemails left in the range with it and the returns those brought. */
  byScript: Array<{ scriptId: string; version: number; name: string; voicemails: number; returns: number; returnRate: number }>;
  /** One row per day with any activity, oldest first. */
  byDay: Array<{ date: string; dials: number; conversations: number; voicemailsLeft: number; returns: number }>;
  /** One row per ISO week (its Monday), oldest first. */
  byWeek: Array<{ weekOf: string; dials: number; conversations: number; voicemailsLeft: number; returns: number }>;
}
