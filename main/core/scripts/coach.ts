/**
 * The script coach: checks a voicemail template against what makes a
 * voicemail get returned — it sells only the return call (one ask, no product
 * pitch), fits in 30 seconds, says who is calling and the callback number,
 * and says when the rep will try again. Returns warnings for inline display;
 * only unknown variables and broken braces block saving (see validateTemplate).
 */
import type { ScriptStage } from '../../../shared/domain.js';
import type { CoachOptions, CoachWarning, ScriptVariable } from '../../../shared/schedule.js';
import { parseTemplate } from './template.js';

export const DEFAULT_PITCH_WORDS = [
  'demo', 'discount', 'pricing', 'price', 'free trial', 'trial', 'feature', 'features', 'platform', 'solution',
  'roi', 'savings', 'offer', 'deal', 'product', 'software', 'upgrade', 'promotion', 'best-in-class', 'cutting-edge',
];

export const DEFAULT_COACH_OPTIONS: CoachOptions = {
  pitchWords: DEFAULT_PITCH_WORDS,
  // A typical text-to-speech voice: 150 words a minute, so 75 words in 30 s.
  wordsPerMinute: 150,
  maxSeconds: 30,
};

/** Words each variable usually adds when spoken (a phone number is ten digits read one by one). */
const SPOKEN_WORDS: Record<ScriptVariable, number> = {
  first_name: 1,
  last_name: 1,
  company: 2,
  referrer: 2,
  reason: 6,
  rep_name: 2,
  rep_company: 2,
  callback_number: 10,
  next_attempt: 4,
  deadline: 2,
};

/** Phrases that ask for the return call. */
const RETURN_CALL_ASKS = [
  /\bcall me( back)?\b/i,
  /\bgive me a (call|ring|buzz)\b/i,
  /\b(call|ring) (me )?back\b/i,
  /\breturn (my|this|the) call\b/i,
  /\breach me\b/i,
  /\bcall back\b/i,
];

/** Phrases that ask for something else (a second ask dilutes the first). */
const OTHER_ASKS: [RegExp, string][] = [
  [/\b(e-?mail|text|message) me\b/i, 'email/text me'],
  [/\b(visit|check out|go to) (our|my|the)\b/i, 'visit our site'],
  [/\b(book|schedule) (a|some|time|an)\b/i, 'book a meeting'],
  [/\bsign up\b/i, 'sign up'],
  [/\bregister\b/i, 'register'],
  [/\bdownload\b/i, 'download'],
  [/\breply\b/i, 'reply'],
  [/\bclick\b/i, 'click'],
];

const OPT_OUT_PHRASES = /\b(close (your|the|out your) file|won'?t (call|bother|reach out)|stop (calling|reaching out)|(last|final) (call|message|voicemail)|take you off)\b/i;

export function coachScript(template: string, stage: ScriptStage, options: CoachOptions = DEFAULT_COACH_OPTIONS): CoachWarning[] {
  const warnings: CoachWarning[] = [];
  const { parts, errors } = parseTemplate(template);
  for (const error of errors) {
    warnings.push({ code: error.startsWith('Unknown variable') ? 'unknown-variable' : 'syntax', severity: 'warning', message: error });
  }
  const slots = new Set(parts.flatMap((p) => (p.kind === 'slot' ? [p.name] : [])));
  // The words a listener hears: literal text plus each variable's usual length (fallbacks count as written).
  const literal = parts.map((p) => (p.kind === 'text' ? p.text : ` ${p.fallback ?? ''} `)).join('');
  const words = countWords(parts.map((p) => (p.kind === 'text' ? p.text : '')).join(' ')) +
    parts.reduce((sum, p) => sum + (p.kind === 'slot' ? SPOKEN_WORDS[p.name as ScriptVariable] ?? countWords(p.fallback ?? '') : 0), 0);
  const seconds = Math.round((words / options.wordsPerMinute) * 60);
  if (seconds > options.maxSeconds) {
    warnings.push({
      code: 'too-long',
      severity: 'warning',
      message: `About ${seconds} s when spoken (${words} words at ${options.wordsPerMinute} words a minute); keep it under ${options.maxSeconds} s`,
    });
  }

  const hasReturnAsk = RETURN_CALL_ASKS.some((pattern) => pattern.test(literal));
  if (!hasReturnAsk) {
    warnings.push({ code: 'no-ask', severity: 'warning', message: 'Ask for the return call ("call me back at {callback_number}")' });
  }
  const otherAsks = OTHER_ASKS.filter(([pattern]) => pattern.test(literal)).map(([, label]) => label);
  if (otherAsks.length > 0) {
    warnings.push({
      code: 'several-asks',
      severity: 'warning',
      message: `One ask only: the return call. Also asks to ${otherAsks.join(', ')}`,
    });
  }
  const pitch = options.pitchWords.filter((word) => new RegExp(`(^|[^\\p{L}])${escape(word)}($|[^\\p{L}])`, 'iu').test(literal));
  if (pitch.length > 0) {
    warnings.push({
      code: 'pitch-word',
      severity: 'warning',
      message: `Sell the return call, not the product: ${pitch.map((w) => `"${w}"`).join(', ')}`,
    });
  }
  if (!slots.has('rep_name')) {
    warnings.push({ code: 'no-caller-name', severity: 'warning', message: 'Say who is calling: add {rep_name}' });
  }
  if (!slots.has('callback_number')) {
    warnings.push({ code: 'no-callback-number', severity: 'warning', message: 'Leave the number to call back: add {callback_number}' });
  }
  const statesWhen = stage === 'opt-out' ? slots.has('deadline') || slots.has('next_attempt') : slots.has('next_attempt');
  if (!statesWhen) {
    warnings.push({
      code: 'no-next-attempt',
      severity: 'warning',
      message: stage === 'opt-out' ? 'Say until when you wait for an answer: add {deadline}' : 'Say when you will try again: add {next_attempt}',
    });
  }
  if (stage !== 'first' && !/as promised/i.test(firstSentence(literal))) {
    warnings.push({ code: 'follow-up-opening', severity: 'warning', message: 'Open a follow-up with "calling as promised"' });
  }
  if (stage === 'opt-out' && !OPT_OUT_PHRASES.test(literal)) {
    warnings.push({
      code: 'no-opt-out',
      severity: 'warning',
      message: 'Offer the way out: say you will close their file and not call again',
    });
  }
  return warnings;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function firstSentence(text: string): string {
  const match = /^[^.!?]*[.!?]/.exec(text.trim());
  return match ? match[0] : text;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
