import { settingsPatchSchema } from '../../../shared/contract/app.js';

/**
 * What `settings.json` may hold: any of the settings the app accepts from the
 * rep (missing ones fall back to the defaults), each checked as the Settings
 * screen checks it. Keys it does not know (from a newer Dialdesk) are ignored
 * rather than making the whole file unusable.
 */
export const settingsFileSchema = settingsPatchSchema.strip();
