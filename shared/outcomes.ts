/**
 * Every attempt outcome in one table: its label, its colour token (a CSS custom property that
 * renderer/styles/base.css defines), and whether it counts against the lead (an attempt of its
 * cadence, a try in its band, a dial in the stats). The rest of the app reads these here and
 * nowhere else.
 */

/**
 * The outcomes, in the order the store's checkpoint numbers them (new ones are added at the end,
 * never in between: a checkpoint keeps a lead's last outcome as its index here).
 */
export const OUTCOMES = [
  'no-answer',
  'voicemail',
  'busy',
  'conversation',
  'wrong-number',
  'bad-number',
  'do-not-call',
  'failed',
  'wrong-person',
  'gatekeeper',
  'call-back',
  'voicemail-no-message',
  'canceled',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface OutcomeInfo {
  label: string;
  /** The CSS custom property with its colour (`var(--outcome-…)` in styles). */
  colourToken: `--outcome-${string}`;
  /**
   * Whether the attempt is the lead's: counted as one of its attempts and dials, in its band and
   * its cadence. `failed` is our side or the network; `canceled` is the rep hanging up while it
   * rang (Esc), before the lead could answer.
   */
  countsAgainstLead: boolean;
}

export const OUTCOME_INFO: Readonly<Record<Outcome, OutcomeInfo>> = {
  'no-answer': { label: 'No answer', colourToken: '--outcome-no-answer', countsAgainstLead: true },
  voicemail: { label: 'Voicemail left', colourToken: '--outcome-voicemail', countsAgainstLead: true },
  busy: { label: 'Busy', colourToken: '--outcome-busy', countsAgainstLead: true },
  conversation: { label: 'Conversation', colourToken: '--outcome-conversation', countsAgainstLead: true },
  'wrong-number': { label: 'Wrong number', colourToken: '--outcome-wrong-number', countsAgainstLead: true },
  'bad-number': { label: 'Bad number', colourToken: '--outcome-bad-number', countsAgainstLead: true },
  'do-not-call': { label: 'Do not call', colourToken: '--outcome-do-not-call', countsAgainstLead: true },
  failed: { label: 'Failed (not counted)', colourToken: '--outcome-failed', countsAgainstLead: false },
  'wrong-person': { label: 'Wrong person', colourToken: '--outcome-wrong-person', countsAgainstLead: true },
  gatekeeper: { label: 'Gatekeeper', colourToken: '--outcome-gatekeeper', countsAgainstLead: true },
  'call-back': { label: 'Call back later', colourToken: '--outcome-call-back', countsAgainstLead: true },
  'voicemail-no-message': { label: 'Voicemail, no message left', colourToken: '--outcome-voicemail-no-message', countsAgainstLead: true },
  canceled: { label: 'Canceled by you (not counted)', colourToken: '--outcome-canceled', countsAgainstLead: false },
};

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = Object.fromEntries(OUTCOMES.map((o) => [o, OUTCOME_INFO[o].label])) as Record<Outcome, string>;

/** The one rule: does this outcome count as an attempt on the lead? */
export function countsAgainstLead(outcome: Outcome): boolean {
  return OUTCOME_INFO[outcome].countsAgainstLead;
}

/** `var(--outcome-…)` for a style attribute or an SVG fill. */
export function outcomeColour(outcome: Outcome): string {
  return `var(${OUTCOME_INFO[outcome].colourToken})`;
}

/**
 * What the rep (or the beep detector) says an answered call was. SIP cannot tell a person
 * from a voicemail box, so an answered call stays open until one of these settles it.
 * `voicemail-no-message`: a machine answered and the rep chose to leave nothing.
 */
export const ANSWERED_OUTCOMES = [
  'conversation',
  'voicemail',
  'wrong-person',
  'gatekeeper',
  'do-not-call',
  'call-back',
  'wrong-number',
  'voicemail-no-message',
  // An intercept answered (SIT tones, "the number you have dialed is not in service"): the beep detector settles it.
  'bad-number',
] as const satisfies readonly Outcome[];
export type AnsweredOutcome = (typeof ANSWERED_OUTCOMES)[number];

/** Outcomes a rep can record by hand from the lead screen or a block. */
export const MANUAL_OUTCOMES = [
  'no-answer',
  'voicemail',
  'busy',
  'conversation',
  'wrong-number',
  'do-not-call',
  'wrong-person',
  'gatekeeper',
  'voicemail-no-message',
] as const satisfies readonly Outcome[];
