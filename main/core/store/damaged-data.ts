import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * When the store cannot be read, its files are moved into `damaged-<time>/`
 * and a marker records why, so the next start shows the same error instead of
 * an empty list that would look like lost data. Only the rep's explicit
 * "start fresh" clears the marker; the damaged files stay for recovery.
 */
const MARKER = 'STORE-ERROR.json';

const damagedRecordSchema = z.object({ message: z.string(), keptFiles: z.array(z.string()) });
export type DamagedRecord = z.infer<typeof damagedRecordSchema>;

export function readDamagedMarker(dataDir: string): DamagedRecord | null {
  const path = join(dataDir, MARKER);
  if (!existsSync(path)) return null;
  try {
    return damagedRecordSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return { message: `The data in ${dataDir} could not be read, and the note about it is damaged too.`, keptFiles: [] };
  }
}

export function moveAsideDamaged(dataDir: string, names: string[], reason: string, now: Date): DamagedRecord {
  const folder = join(dataDir, `damaged-${now.toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(folder, { recursive: true });
  const keptFiles: string[] = [];
  for (const name of names) {
    const from = join(dataDir, name);
    if (!existsSync(from)) continue;
    const to = join(folder, name);
    renameSync(from, to);
    keptFiles.push(to);
  }
  const record: DamagedRecord = {
    message: `Dialdesk could not read its data: ${reason} Nothing was deleted: the files were moved to ${folder}.`,
    keptFiles,
  };
  writeFileSync(join(dataDir, MARKER), JSON.stringify(record, null, 2));
  return record;
}

export function clearDamagedMarker(dataDir: string): void {
  rmSync(join(dataDir, MARKER), { force: true });
}
