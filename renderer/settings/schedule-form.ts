import { LEGAL_WINDOW, type ScheduleSettings } from '../../shared/schedule.js';

/** One row of the bands editor; `key` is React's, `id` the band id it was loaded with. */
export interface BandRow {
  key: string;
  id: string;
  start: string;
  end: string;
  /** The times the row was loaded with: an unchanged band keeps its id. */
  loaded: { start: string; end: string } | null;
}

export interface BlockRow {
  key: string;
  days: number[];
  start: string;
  end: string;
}

/** What the schedule inputs show, as text, before the core validates it. */
export interface ScheduleForm {
  bands: BandRow[];
  legalStart: string;
  legalEnd: string;
  maxAttempts: string;
  cadenceDays: string;
  gapKind: 'next-business-day' | 'minutes';
  gapMinutes: string;
  voicemailsBeforeOptOut: string;
  dialBlocks: BlockRow[];
  promiseLeadInMinutes: string;
  promiseRoundingMinutes: string;
}

let nextKey = 0;
export const newKey = (prefix: string) => `${prefix}-${++nextKey}`;

export function toScheduleForm(s: ScheduleSettings): ScheduleForm {
  return {
    bands: s.bands.map((b) => ({ key: newKey('band'), id: b.id, start: b.start, end: b.end, loaded: { start: b.start, end: b.end } })),
    legalStart: s.legalWindow.start,
    legalEnd: s.legalWindow.end,
    maxAttempts: String(s.maxAttempts),
    cadenceDays: String(s.cadenceDays),
    gapKind: s.minimumGap.kind,
    gapMinutes: s.minimumGap.kind === 'minutes' ? String(s.minimumGap.minutes) : '240',
    voicemailsBeforeOptOut: String(s.voicemailsBeforeOptOut),
    dialBlocks: s.dialBlocks.map((b) => ({ key: newKey('block'), days: [...b.days], start: b.start, end: b.end })),
    promiseLeadInMinutes: String(s.promiseLeadInMinutes),
    promiseRoundingMinutes: String(s.promiseRoundingMinutes),
  };
}

/** "08-10" for bands on the hour, else "08:30-10:00". */
export function bandId(start: string, end: string): string {
  const onHour = start.endsWith(':00') && end.endsWith(':00');
  return onHour ? `${start.slice(0, 2)}-${end.slice(0, 2)}` : `${start}-${end}`;
}

/** Text to a number for the core to judge: blank and junk become NaN, which the core refuses by field. */
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The settings to send: the form's fields over `base`, which keeps what the form does not show (country and lead windows…). */
export function toSchedule(form: ScheduleForm, base: ScheduleSettings): ScheduleSettings {
  return {
    ...base,
    bands: form.bands.map((b) => ({
      id: b.loaded && b.loaded.start === b.start && b.loaded.end === b.end ? b.id : bandId(b.start, b.end),
      start: b.start,
      end: b.end,
    })),
    legalWindow: { start: form.legalStart, end: form.legalEnd },
    maxAttempts: num(form.maxAttempts),
    cadenceDays: num(form.cadenceDays),
    minimumGap: form.gapKind === 'minutes' ? { kind: 'minutes', minutes: num(form.gapMinutes) } : { kind: 'next-business-day' },
    voicemailsBeforeOptOut: num(form.voicemailsBeforeOptOut),
    dialBlocks: form.dialBlocks.map((b) => ({ days: [...b.days].sort((x, y) => x - y), start: b.start, end: b.end })),
    promiseLeadInMinutes: num(form.promiseLeadInMinutes),
    promiseRoundingMinutes: num(form.promiseRoundingMinutes),
  };
}

/** Field keys problems are filed under: a scalar field name, or "bands.2" / "dialBlocks.0" for a row. */
export type ProblemMap = Record<string, string[]>;

const add = (map: ProblemMap, key: string, message: string) => void (map[key] ??= []).push(message);

/** Checks the form can make before asking the core: rows that end before they start, overlapping or duplicate bands. */
export function localProblems(form: ScheduleForm): ProblemMap {
  const problems: ProblemMap = {};
  const sent = form.bands.map((b, i) => ({ i, start: b.start, end: b.end }));
  sent.forEach((b) => {
    if (b.start && b.end && b.end <= b.start) add(problems, `bands.${b.i}`, 'a band must end after it starts');
  });
  const ordered = sent.filter((b) => b.start < b.end).sort((a, b) => a.start.localeCompare(b.start));
  for (let k = 1; k < ordered.length; k++) {
    const previous = ordered[k - 1];
    if (ordered[k].start < previous.end) {
      add(problems, `bands.${ordered[k].i}`, `overlaps band ${previous.i + 1} (${previous.start}–${previous.end})`);
    }
  }
  if (form.legalStart && form.legalEnd && form.legalEnd <= form.legalStart) add(problems, 'legalWindow', 'the window must end after it starts');
  else if ((form.legalStart && form.legalStart < LEGAL_WINDOW.start) || (form.legalEnd && form.legalEnd > LEGAL_WINDOW.end)) {
    add(problems, 'legalWindow', `the legal window can only be made stricter than ${LEGAL_WINDOW.start}–${LEGAL_WINDOW.end}, never wider`);
  }
  form.dialBlocks.forEach((b, i) => {
    if (b.start && b.end && b.end <= b.start) add(problems, `dialBlocks.${i}`, 'a dial block must end after it starts');
    if (b.days.length === 0) add(problems, `dialBlocks.${i}`, 'choose at least one day');
  });
  return problems;
}

/**
 * The form field a core issue belongs to (`['schedule', 'bands', '1', 'end']`): rows by their
 * index ("bands.1", "dialBlocks.0"), windows and gaps by their object ("minimumGap"), the rest by name.
 */
export function scheduleField(path: readonly string[]): string | undefined {
  const [root, field, index] = path;
  if (root !== 'schedule' || field === undefined || !/^[A-Za-z]+$/.test(field)) return undefined;
  return (field === 'bands' || field === 'dialBlocks') && index !== undefined && /^\d+$/.test(index) ? `${field}.${index}` : field;
}
