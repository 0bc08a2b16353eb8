/**
 * The one exemption from the calling window (the law's hours and the rep's own): a practice call,
 * because it never leaves this computer. It is bound to a practice line and made only from one, so
 * no code path can hold it without a line that places no network call; placeCall refuses to run
 * with an exempt gate over any other line (calling/place-call.ts). Do-not-call is never exempt.
 */
import { PracticeLine } from './practice-line.js';

const MINT = Symbol('practice-window-exemption');

export class PracticeWindowExemption {
  private constructor(
    token: symbol,
    /** The line every exempt call must go through. */
    readonly line: PracticeLine,
  ) {
    if (token !== MINT) throw new TypeError('A window exemption is made only for a practice line (windowExemptionFor).');
  }

  /** @internal */
  static mint(line: PracticeLine): PracticeWindowExemption {
    return new PracticeWindowExemption(MINT, line);
  }
}

/** The exemption of a practice line: its calls ring no phone, so the hours only show as they would in real life. */
export function windowExemptionFor(line: PracticeLine): PracticeWindowExemption {
  if (!(line instanceof PracticeLine)) throw new TypeError('A window exemption is made only for a practice line.');
  return PracticeWindowExemption.mint(line);
}
