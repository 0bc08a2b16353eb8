import type { Lead } from '../../../shared/domain.js';

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

/** Brings a parsed file up to the current version, or says why it cannot. */
export function migrateLeadsFile(raw: unknown): LeadsFile {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error('the file does not hold a Dialdesk lead list');
  }
  let data = raw as Record<string, unknown>;
  let version = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
  if (version > LEADS_SCHEMA_VERSION) {
    throw new Error(`it was written by a newer Dialdesk (data version ${version}, this app reads up to ${LEADS_SCHEMA_VERSION})`);
  }
  while (version < LEADS_SCHEMA_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) throw new Error(`no migration from data version ${version}`);
    data = migrate(data);
    version += 1;
  }
  if (!Array.isArray(data.leads)) throw new Error('the file has no lead list');
  return data as unknown as LeadsFile;
}
