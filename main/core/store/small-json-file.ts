import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { Low, type Adapter } from 'lowdb';
import { writeAtomically } from './write-atomically.js';

export interface SmallJsonFile<T> {
  db: Low<T>;
  /** Set when the file could not be read and was moved aside; the app shows it to the rep. */
  notice: string | null;
  /** Where an unreadable file was moved (for a caller that must say what was on it); null when it read fine. */
  keptAs: string | null;
}

/**
 * A small lowdb file (scripts, the do-not-call list). One that cannot be read
 * is copied beside itself, never lost, and the caller starts from
 * defaults with a notice that says where the old file went.
 */
export async function openSmallJsonFile<T>(
  path: string,
  defaults: () => T,
  validate: (raw: unknown) => T,
  now: Date,
  /** The data to start from after damage (default: `defaults()`); a caller that must remember the damage records it here. */
  afterDamage: (keptAs: string, reason: string) => T = () => defaults(),
): Promise<SmallJsonFile<T>> {
  const db = new Low<T>(new DurableJsonFile(path, validate), defaults());
  try {
    await db.read();
    if (!existsSync(path)) await db.write();
    return { db, notice: null, keptAs: null };
  } catch (error) {
    const kept = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
    // Copied, then replaced in one atomic write: a crash in between finds the damaged file again, never a silent default.
    copyFileSync(path, kept);
    const reason = error instanceof Error ? error.message : String(error);
    db.data = afterDamage(kept, reason);
    await db.write();
    return { db, notice: `${path} could not be read (${reason}); it was kept as ${kept} and defaults are in use.`, keptAs: kept };
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

/**
 * lowdb adapter: read and checked, written through writeAtomically (temp file,
 * fsync, rename, fsync of the folder), so an acknowledged change to the
 * scripts or the do-not-call list survives a power cut.
 */
class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly path: string,
    private readonly validate: (raw: unknown) => T,
  ) {}

  async read(): Promise<T | null> {
    if (!existsSync(this.path)) return null;
    return this.validate(JSON.parse(readFileSync(this.path, 'utf8')));
  }

  async write(data: T): Promise<void> {
    await writeAtomically(this.path, [JSON.stringify(data, null, 1)]);
  }
}
