import type { Lead } from '../../../shared/domain.js';
import { describeIssues, isCertainlyLead, leadRecordSchema } from './record-schemas.js';
import { NewerDataError } from './store-error.js';

/** What `leads.json` holds. Bump the version and add a migration when the shape changes. */
export interface LeadsFile {
  schemaVersion: number;
  leads: Lead[];
}

export const LEADS_SCHEMA_VERSION = 2;

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/** `MIGRATIONS[n]` turns version n into n + 1. Version 0 is the unversioned shape `{ leads }`. */
const MIGRATIONS: Record<number, Migration> = {
  0: (data) => ({ ...data, schemaVersion: 1 }),
  // v2 caches each lead's time zones; null means "resolve when the store opens".
  1: (data) => ({ ...data, schemaVersion: 2, leads: (data.leads as object[]).map((lead) => ({ zones: null, ...lead })) }),
};

/**
 * Brings a parsed file up to the current version and checks every lead
 * against the record schema. A lead that fails goes to `onInvalid` (its index
 * in the file and why) and is left out; without `onInvalid` the whole file is
 * refused with the lead and field named.
 */
export function migrateLeadsFile(raw: unknown, onInvalid?: (index: number, reason: string) => void): LeadsFile {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error('the file does not hold a Dialdesk lead list');
  }
  let data = raw as Record<string, unknown>;
  let version = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
  if (version > LEADS_SCHEMA_VERSION) {
    throw new NewerDataError('leads.json', version);
  }
  while (version < LEADS_SCHEMA_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) throw new Error(`no migration from data version ${version}`);
    data = migrate(data);
    version += 1;
  }
  if (!Array.isArray(data.leads)) throw new Error('the file has no lead list');
  const leads = data.leads as unknown[];
  let valid: unknown[] | null = null;
  for (let i = 0; i < leads.length; i++) {
    if (isCertainlyLead(leads[i])) {
      valid?.push(leads[i]);
      continue;
    }
    const checked = leadRecordSchema.safeParse(leads[i]);
    if (checked.success) {
      valid?.push(leads[i]);
      continue;
    }
    // Line i + 2 in the one-lead-per-line layout (the header is line 1).
    if (!onInvalid) throw new Error(`lead ${i + 1} (line ${i + 2}) is not a valid lead: ${describeIssues(checked.error)}`);
    onInvalid(i, `not a valid lead (${describeIssues(checked.error)})`);
    // Copied only from the first bad lead on: a clean file keeps its array.
    valid ??= leads.slice(0, i);
  }
  return { ...data, leads: valid ?? leads } as unknown as LeadsFile;
}
