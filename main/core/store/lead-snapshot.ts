import { existsSync } from 'node:fs';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { LEADS_SCHEMA_VERSION, migrateLeadsFile, type LeadsFile } from './migrations.js';

/**
 * `leads.json` through lowdb. Compact JSON (pretty printing doubles the size
 * at 100k leads), written by lowdb's steno writer: temp file + rename, so a
 * crash leaves the old or the new file, never half of one. It is rewritten
 * only when lead data changes (import, edits), never per outcome.
 */
export class LeadSnapshot {
  private constructor(private readonly db: Low<LeadsFile>) {}

  /** Throws a plain Error with the reason when the file cannot be read. */
  static async open(path: string): Promise<{ snapshot: LeadSnapshot; existed: boolean; migrated: boolean }> {
    const existed = existsSync(path);
    let version: unknown;
    const adapter = new DataFile<LeadsFile>(path, {
      parse: (text) => {
        const raw = JSON.parse(text) as Record<string, unknown>;
        version = raw?.schemaVersion;
        return migrateLeadsFile(raw);
      },
      stringify: (data) => JSON.stringify(data),
    });
    const db = new Low<LeadsFile>(adapter, { schemaVersion: LEADS_SCHEMA_VERSION, leads: [] });
    await db.read();
    const snapshot = new LeadSnapshot(db);
    const migrated = existed && version !== LEADS_SCHEMA_VERSION;
    if (migrated) await db.write();
    return { snapshot, existed, migrated };
  }

  get data(): LeadsFile {
    return this.db.data;
  }

  async write(leads: LeadsFile['leads']): Promise<void> {
    this.db.data = { schemaVersion: LEADS_SCHEMA_VERSION, leads };
    await this.db.write();
  }
}
