import { existsSync, renameSync } from 'node:fs';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';

export interface SmallJsonFile<T> {
  db: Low<T>;
  /** Set when the file could not be read and was moved aside; the app shows it to the rep. */
  notice: string | null;
}

/**
 * A small lowdb file (scripts, the do-not-call list). One that cannot be read
 * is renamed beside itself, never overwritten, and the caller starts from
 * defaults with a notice that says where the old file went.
 */
export async function openSmallJsonFile<T>(
  path: string,
  defaults: () => T,
  validate: (raw: unknown) => T,
  now: Date,
): Promise<SmallJsonFile<T>> {
  const db = new Low<T>(new DataFile<T>(path, { parse: (text) => validate(JSON.parse(text)), stringify: (data) => JSON.stringify(data, null, 1) }), defaults());
  try {
    await db.read();
    if (!existsSync(path)) await db.write();
    return { db, notice: null };
  } catch (error) {
    const kept = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(path, kept);
    db.data = defaults();
    await db.write();
    const reason = error instanceof Error ? error.message : String(error);
    return { db, notice: `${path} could not be read (${reason}); it was kept as ${kept} and defaults are in use.` };
  }
}

/**
 * The validation every small Dialdesk file shares: schema version 1 and its
 * one list (`versions`, `numbers`) present; anything else is not our file.
 */
export function versionOneWithList<T extends { schemaVersion: 1 }>(kind: string, list: keyof T & string): (raw: unknown) => T {
  return (raw) => {
    const data = raw as T | null;
    if (data?.schemaVersion !== 1 || !Array.isArray(data[list])) throw new Error(`not a Dialdesk ${kind} file`);
    return data;
  };
}
