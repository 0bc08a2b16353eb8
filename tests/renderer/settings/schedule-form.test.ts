import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE_SETTINGS, scheduleSettingsSchema } from '../../../shared/schedule.js';
import { bandId, localProblems, scheduleField, toSchedule, toScheduleForm } from '../../../renderer/settings/schedule-form.js';
import { issuesByField } from '../../../renderer/ui/validation-issues.js';

describe('schedule settings form', () => {
  it('round-trips the defaults unchanged, keeping what the form does not show', () => {
    const base = { ...DEFAULT_SCHEDULE_SETTINGS, leadWindows: { lead1: { start: '09:00', end: '17:00' } } };
    const back = toSchedule(toScheduleForm(base), base);
    expect(back).toEqual(base);
    expect(scheduleSettingsSchema.safeParse(back).success).toBe(true);
  });

  it('keeps the id of an unchanged band and names a changed one by its times', () => {
    const form = toScheduleForm({ ...DEFAULT_SCHEDULE_SETTINGS, bands: [{ id: 'morning', start: '08:00', end: '12:00' }, { id: 'x', start: '12:00', end: '14:00' }] });
    form.bands[1] = { ...form.bands[1], end: '16:30' };
    expect(toSchedule(form, DEFAULT_SCHEDULE_SETTINGS).bands.map((b) => b.id)).toEqual(['morning', '12:00-16:30']);
    expect(bandId('08:00', '10:00')).toBe('08-10');
  });

  it('sends minutes gaps and blanks as numbers the core can refuse', () => {
    const form = { ...toScheduleForm(DEFAULT_SCHEDULE_SETTINGS), gapKind: 'minutes' as const, gapMinutes: '90', maxAttempts: '' };
    const out = toSchedule(form, DEFAULT_SCHEDULE_SETTINGS);
    expect(out.minimumGap).toEqual({ kind: 'minutes', minutes: 90 });
    expect(out.maxAttempts).toBeNaN();
    expect(scheduleSettingsSchema.safeParse(out).success).toBe(false);
  });

  it('refuses a legal window wider than 8:00–21:00 before asking the core, and takes a stricter one', () => {
    const wider = { ...toScheduleForm(DEFAULT_SCHEDULE_SETTINGS), legalStart: '07:30', legalEnd: '21:00' };
    expect(localProblems(wider).legalWindow).toEqual(['the legal window can only be made stricter than 08:00–21:00, never wider']);
    expect(localProblems({ ...wider, legalStart: '08:00', legalEnd: '21:30' }).legalWindow).toHaveLength(1);
    const stricter = { ...wider, legalStart: '09:00', legalEnd: '20:00' };
    expect(localProblems(stricter)).toEqual({});
    expect(scheduleSettingsSchema.safeParse(toSchedule(stricter, DEFAULT_SCHEDULE_SETTINGS)).success).toBe(true);
    expect(scheduleSettingsSchema.safeParse(toSchedule(wider, DEFAULT_SCHEDULE_SETTINGS)).success).toBe(false);
  });

  it('finds overlapping and backwards rows before asking the core', () => {
    const form = toScheduleForm(DEFAULT_SCHEDULE_SETTINGS);
    form.bands[1] = { ...form.bands[1], start: '09:00' };
    form.bands[2] = { ...form.bands[2], start: '15:00', end: '13:00' };
    form.dialBlocks = [{ key: 'b', days: [], start: '10:00', end: '09:00' }];
    const problems = localProblems(form);
    expect(problems['bands.1']).toEqual(['overlaps band 1 (08:00–10:00)']);
    expect(problems['bands.2']).toEqual(['a band must end after it starts']);
    expect(problems['dialBlocks.0']).toEqual(['a dial block must end after it starts', 'choose at least one day']);
    expect(localProblems(toScheduleForm(DEFAULT_SCHEDULE_SETTINGS))).toEqual({});
  });

  it('files the core\'s issues by field and row', () => {
    const { fields, general } = issuesByField(
      [
        { path: ['schedule', 'bands', '2'], message: 'a band must end after it starts' },
        { path: ['schedule', 'dialBlocks', '0', 'start'], message: 'expected HH:MM (24-hour)' },
        { path: ['schedule', 'maxAttempts'], message: 'Too small: expected number to be >=1' },
        { path: ['schedule', 'minimumGap', 'minutes'], message: 'Too small' },
        { path: [], message: 'something else' },
      ],
      scheduleField,
    );
    expect(fields).toEqual({
      'bands.2': ['a band must end after it starts'],
      'dialBlocks.0': ['expected HH:MM (24-hour)'],
      maxAttempts: ['Too small: expected number to be >=1'],
      minimumGap: ['Too small'],
    });
    expect(general).toEqual([{ path: [], message: 'something else' }]);
  });
});
