/**
 * When each word of a script falls when read at a given rate, for the
 * teleprompter's pace marker. Words share the time evenly by length (a long
 * word takes longer than "a"), and punctuation adds the pause a reader makes:
 * a comma a short one, a full stop or question mark a longer one.
 */
export interface PacedWord {
  text: string;
  /** Seconds from the start of the reading. */
  startS: number;
  endS: number;
}

const COMMA_PAUSE_WORDS = 0.5;
const SENTENCE_PAUSE_WORDS = 1;

export function paceWords(text: string, rateWpm: number): PacedWord[] {
  if (!(rateWpm > 0)) throw new RangeError('The rate must be a positive number of words per minute.');
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const averageLength = words.reduce((n, w) => n + letters(w), 0) / words.length;
  const secondsPerWord = 60 / rateWpm;
  const paced: PacedWord[] = [];
  let at = 0;
  for (const word of words) {
    const duration = secondsPerWord * (0.5 + (0.5 * letters(word)) / averageLength);
    paced.push({ text: word, startS: at, endS: at + duration });
    at += duration;
    if (/[.!?…]["”')\]]*$/.test(word)) at += SENTENCE_PAUSE_WORDS * secondsPerWord;
    else if (/[,;:—–-]["”')\]]*$/.test(word)) at += COMMA_PAUSE_WORDS * secondsPerWord;
  }
  return paced;
}

/** The word being read at `elapsedS` (the last one once the reading is over; -1 before it starts). */
export function wordAt(words: PacedWord[], elapsedS: number): number {
  if (elapsedS < 0 || words.length === 0) return -1;
  let low = 0;
  let high = words.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (words[mid].startS <= elapsedS) low = mid;
    else high = mid - 1;
  }
  return low;
}

function letters(word: string): number {
  return Math.max(1, word.replace(/[^\p{L}\p{N}]/gu, '').length);
}
