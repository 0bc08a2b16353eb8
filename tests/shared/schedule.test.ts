import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE_SETTINGS, scheduleSettingsSchema } from '../../shared/schedule.js';

const messages = (value: unknown) => {
  const result = scheduleSettingsSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('scheduleSettingsSchema', () => {
  it('accepts the defaults', () => {
    expect(messages(DEFAULT_SCHEDULE_SETTINGS)).toEqual([]);
  });

  it('refuses overlapping bands, shared band ids, and bands outside the legal window', () => {
    const band = (id: string, start: string, end: string) => ({ id, start, end });
    expect(messages({ ...DEFAULT_SCHEDULE_SETTINGS, bands: [band('a', '08:00', '11:00'), band('b', '10:00', '12:00')] })).toEqual(['bands a and b overlap']);
    expect(messages({ ...DEFAULT_SCHEDULE_SETTINGS, bands: [band('a', '08:00', '10:00'), band('a', '10:00', '12:00')] })).toEqual(['two bands share the id a']);
    expect(messages({ ...DEFAULT_SCHEDULE_SETTINGS, bands: [band('night', '05:00', '07:00')] })).toEqual(['every band must overlap the legal calling window']);
  });

  it('refuses a country or lead window outside the legal one, naming where it is', () => {
    const issues = (value: unknown) => {
      const result = scheduleSettingsSchema.safeParse(value);
      return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
    };
    const inside = 'must lie inside the legal window 08:00–21:00 (stricter only)';
    expect(issues({ ...DEFAULT_SCHEDULE_SETTINGS, countryWindows: { US: { start: '07:00', end: '20:00' } } })).toEqual([{ path: ['countryWindows', 'US'], message: inside }]);
    expect(issues({ ...DEFAULT_SCHEDULE_SETTINGS, leadWindows: { 'lead-1': { start: '09:00', end: '22:00' } } })).toEqual([{ path: ['leadWindows', 'lead-1'], message: inside }]);
    // Wider on both sides, and outside a legal window the rep made stricter.
    expect(issues({ ...DEFAULT_SCHEDULE_SETTINGS, countryWindows: { CA: { start: '00:00', end: '23:59' } } })).toEqual([{ path: ['countryWindows', 'CA'], message: inside }]);
    const stricter = { ...DEFAULT_SCHEDULE_SETTINGS, legalWindow: { start: '09:00', end: '20:00' } };
    expect(issues({ ...stricter, countryWindows: { GB: { start: '08:30', end: '12:00' } } })).toEqual([
      { path: ['countryWindows', 'GB'], message: 'must lie inside the legal window 09:00–20:00 (stricter only)' },
    ]);
    expect(issues({ ...DEFAULT_SCHEDULE_SETTINGS, countryWindows: { US: { start: '08:00', end: '21:00' }, GB: { start: '09:00', end: '17:00' } } })).toEqual([]);
  });

  it('refuses a dial block that ends before it starts or has no days', () => {
    expect(messages({ ...DEFAULT_SCHEDULE_SETTINGS, dialBlocks: [{ days: [1], start: '10:00', end: '09:00' }] })).toEqual(['a dial block must end after it starts']);
    expect(messages({ ...DEFAULT_SCHEDULE_SETTINGS, dialBlocks: [{ days: [], start: '09:00', end: '10:00' }] })).toEqual(['a dial block needs at least one day']);
  });
});
