import type { Settings } from '../../shared/domain.js';
import type { LeadPage } from '../../shared/contract/index.js';
import { createCore, type Core } from '../../main/core/core.js';
import { createMemorySecrets, createMemorySettings } from './memory-stores.js';

/** A rep in New York working every day 07:00–23:00, so only the lead's window decides. */
export const LATE_REP: Partial<Settings> = {
  repName: 'Alex Rivera',
  repCompany: 'Northwind',
  callbackNumber: '+12125550199',
  repTimeZone: 'America/New_York',
  workingHours: { start: '00:00', end: '23:59', days: [0, 1, 2, 3, 4, 5, 6] },
};

/** The core as the app runs it, over `dataDir`, with a clock the test moves; the sample leads loaded when asked. */
export async function startCore(
  dataDir: string,
  clock: { now: Date },
  options: { settings?: Partial<Settings>; sampleLeads?: boolean } = {},
): Promise<Core> {
  const settings = createMemorySettings({ ...LATE_REP, ...options.settings });
  const core = await createCore({ dataDir, settings, secrets: createMemorySecrets(), now: () => clock.now });
  if (options.sampleLeads ?? true) await value(core.dispatch('loadSampleLeads', {}));
  return core;
}

/** The value of an `{ ok: true }` answer; throws with the error otherwise. */
export async function value<T>(promise: Promise<{ ok: boolean }>): Promise<T> {
  const result = (await promise) as { ok: true; value: T } | { ok: false; error: unknown };
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The first sample lead whose name or company matches. */
export async function leadNamed(core: Core, query: string): Promise<LeadPage['rows'][number]> {
  const row = (await value<LeadPage>(core.dispatch('listLeads', { query }))).rows[0];
  if (!row) throw new Error(`no lead matches ${query}`);
  return row;
}
