import { getCountries, type CountryCode } from 'libphonenumber-js';
import { ApiFailure } from '../api/api-failure.js';
import type { Handler } from '../api/dispatch.js';
import type { EventHub } from '../api/event-hub.js';
import type { SettingsStore } from './settings-store.js';
import { isKnownZone } from '../timezones/zone-clock.js';

export function settingsHandlers(
  settings: SettingsStore,
  events: EventHub,
  /** Runs after a change is stored, before the answer (the store refolds if the schedule requires it). */
  afterUpdate: () => Promise<void> = async () => undefined,
  /**
   * Why a callback number cannot be called back in `country` (null when it can): the core passes
   * the lead import's own libphonenumber check, so the rep's number is held to the same rule.
   */
  callbackProblem: (number: string, country: string) => string | null = () => null,
): {
  getSettings: Handler<'getSettings'>;
  updateSettings: Handler<'updateSettings'>;
} {
  return {
    getSettings: () => settings.get(),
    updateSettings: async (patch) => {
      if (patch.defaultCountry && !getCountries().includes(patch.defaultCountry as CountryCode)) {
        throw new ApiFailure('invalid-input', `${patch.defaultCountry} is not a country code libphonenumber knows.`);
      }
      if (patch.repTimeZone && !isKnownZone(patch.repTimeZone)) {
        throw new ApiFailure('invalid-input', `${patch.repTimeZone} is not a time zone name such as America/New_York.`);
      }
      if (patch.callbackNumber !== undefined && patch.callbackNumber.trim() !== '') {
        const problem = callbackProblem(patch.callbackNumber, patch.defaultCountry ?? settings.get().defaultCountry);
        // Kept as typed (the Settings screen shows it back); checked so a voicemail never gives a number no one can dial.
        if (problem) throw new ApiFailure('invalid-input', problem, [{ path: ['callbackNumber'], message: problem }]);
      }
      const updated = settings.update(patch);
      await afterUpdate();
      events.emit({ type: 'settings.changed' });
      return updated;
    },
  };
}
