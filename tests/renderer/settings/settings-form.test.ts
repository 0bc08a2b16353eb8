import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../main/core/settings/settings-store.js';
import { settingsField, toForm, toPatch } from '../../../renderer/settings/settings-form.js';
import { issuesByField } from '../../../renderer/ui/validation-issues.js';

describe('settings form', () => {
  it('groups the core\'s issues by the field they belong to', () => {
    const { fields, general } = issuesByField(
      [
        { path: ['defaultCountry'], message: 'expected a two-letter country code such as US' },
        { path: ['workingHours', 'start'], message: 'expected HH:MM (24-hour)' },
        { path: ['workingHours'], message: 'working hours must end after they start' },
        { path: [], message: 'something else' },
      ],
      settingsField,
    );
    expect(fields.defaultCountry).toEqual(['expected a two-letter country code such as US']);
    expect(fields.workingHours).toEqual(['expected HH:MM (24-hour)', 'working hours must end after they start']);
    expect(general).toEqual([{ path: [], message: 'something else' }]);
  });

  it('sends a trimmed patch with the country upper-cased and the days in order', () => {
    const form = toForm({
      ...DEFAULT_SETTINGS,
      defaultCountry: 'US',
      repName: 'Dana',
      repCompany: '',
      callbackNumber: '',
      repTimeZone: 'UTC',
      workingHours: { start: '09:00', end: '17:00', days: [1, 2] },
      daysOff: ['2026-12-25'],
    });
    const patch = toPatch({ ...form, defaultCountry: ' ca ', repName: ' Dana Reyes ', days: [5, 1, 3] });
    expect(patch).toEqual({
      defaultCountry: 'CA',
      repName: 'Dana Reyes',
      repCompany: '',
      callbackNumber: '',
      repTimeZone: 'UTC',
      workingHours: { start: '09:00', end: '17:00', days: [1, 3, 5] },
    });
    // Days off are not edited here, so they are not sent (and not cleared).
    expect(patch).not.toHaveProperty('daysOff');
  });
});
