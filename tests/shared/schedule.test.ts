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

  it('refuses a dial block that ends before it starts or has no days', () => {
    expect(messages({ ...DEFAULT_SCHEDULE_SETTINGS, dialBlocks: [{ days: [1], start: '10:00', end: '09:00' }] })).toEqual(['a dial block must end after it starts']);
    expect(messages({ ...DEFAULT_SCHEDULE_SETTINGS, dialBlocks: [{ days: [], start: '09:00', end: '10:00' }] })).toEqual(['a dial block needs at least one day']);
  });
});
