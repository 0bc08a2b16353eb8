import { z } from 'zod';
import type { Settings } from '../domain.js';
import { scheduleSettingsSchema } from '../schedule.js';
import { call } from './define.js';
import { globalKeysSchema, type GlobalKeyStatus } from '../desk-keys.js';
import type { DoNotCallDamage } from './do-not-call.js';
import type { TeamView } from './team.js';

export type StoreStatus =
  | { state: 'ready' }
  /** The data could not be read. Nothing was replaced: `keptFiles` still hold the rep's data. */
  | { state: 'error'; message: string; keptFiles: string[] };

export interface AppStatus {
  version: string;
  dataDir: string;
  store: StoreStatus;
  leadCount: number;
  /** Answered calls still waiting for their outcome (the To settle list). */
  openCalls?: number;
  /** No leads and no history yet: the UI offers an import or the sample list. */
  firstRun: boolean;
  /** The app runs on the practice folder and line: every screen it touches says PRACTICE. */
  practice: boolean;
  /** Things the rep should know, such as a damaged scripts file that was set aside. */
  notices: string[];
  /**
   * Where a saved SIP password goes: `system` (the OS's encrypted storage) or
   * `session` (the web shell found no keyring: kept in memory until it stops).
   */
  passwordStorage: 'system' | 'session';
  /** The do-not-call list could not be read: no dial leaves until it is imported again or the rep acknowledges. */
  doNotCallDamage: DoNotCallDamage | null;
  /** The team this folder has joined (its line for the status bar), or null/absent outside team mode. */
  team?: TeamView | null;
}

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const settingsPatchSchema = z
  .object({
    defaultCountry: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code such as US'),
    repName: z.string().max(100),
    repCompany: z.string().max(100),
    callbackNumber: z.string().max(40),
    repTimeZone: z.string().min(1).max(64),
    workingHours: z
      .object({ start: clock, end: clock, days: z.array(z.number().int().min(0).max(6)).max(7) })
      .strict()
      .refine((h) => h.start < h.end, 'working hours must end after they start'),
    daysOff: z.array(isoDate).max(1000),
    schedule: scheduleSettingsSchema,
    notifications: z.object({ enabled: z.boolean() }).strict(),
    globalKeys: globalKeysSchema,
    onboarding: z.enum(['pending', 'done', 'skipped']),
  })
  .partial()
  .strict();

const empty = z.object({}).strict();

export const appCalls = {
  getStatus: call<AppStatus>()(empty),
  getSettings: call<Settings>()(empty),
  updateSettings: call<Settings>()(settingsPatchSchema),
  /** After a data error: move on with an empty store. The damaged files stay where the error said. */
  /** The global keys as the shell applied them: registered, or taken by another program. */
  getGlobalKeyStatus: call<GlobalKeyStatus>()(empty),
  startFreshStore: call<AppStatus>()(z.object({ confirm: z.literal(true) }).strict()),
};
