/**
 * The practice data folder: `<dataDir>/practice/`, a data folder of its own (its own lock, store,
 * settings, scripts) so a practice attempt can never land in the rep's real history, stats,
 * rotation or promises. Each time practice starts it takes the rep's settings from the real
 * folder; where the rep has not said who they are yet, a practice voicemail still names a caller
 * and a callback number (fictional ones), so a new rep hears a whole message.
 */
import { join } from 'node:path';
import type { Settings } from '../../../shared/domain.js';

export const PRACTICE_FOLDER_NAME = 'practice';

export function practiceDataDir(realDataDir: string): string {
  return join(realDataDir, PRACTICE_FOLDER_NAME);
}

/** Who a practice voicemail names when the rep has not set it yet (555-01xx: reserved for fiction). */
export const PRACTICE_STAND_INS = { repName: 'Alex Practice', repCompany: 'Dialdesk Practice', callbackNumber: '+1 802 555 0199' } as const;

/** The practice folder's settings from the real ones: the rep's own, with stand-ins for what is still empty. */
export function practiceSettingsFrom(real: Settings): Partial<Settings> {
  return {
    defaultCountry: real.defaultCountry,
    repName: real.repName.trim() || PRACTICE_STAND_INS.repName,
    repCompany: real.repCompany.trim() || PRACTICE_STAND_INS.repCompany,
    callbackNumber: real.callbackNumber.trim() || PRACTICE_STAND_INS.callbackNumber,
    repTimeZone: real.repTimeZone,
    workingHours: real.workingHours,
    daysOff: real.daysOff,
    schedule: real.schedule,
    // Practice sends no OS notifications: nothing in it is a real promise.
    notifications: { enabled: false },
  };
}
