import { closeSync, existsSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { Low, type Adapter } from 'lowdb';
import { lines } from './line-chunks.js';
import { LEADS_SCHEMA_VERSION, migrateLeadsFile, type LeadsFile } from './migrations.js';
import { NewerDataError } from './store-error.js';
import { writeAtomically } from './write-atomically.js';

const HEADER = /^\{"schemaVersion":(\d+),"leads":\[$/;
const FOOTER = ']}';

/**
 * lowdb adapter for `leads.json`: plain JSON laid out one lead per line,
 *
 *   {"schemaVersion":2,"leads":[
 *   {"id":"…",…},
 *   {"id":"…",…}
 *   ]}
 *
 * so it is read line by line (100,000 leads never become one 50 MB string)
 * and written in batches to a temp file that is renamed into place. A file
 * cut off before its closing line is refused instead of silently losing the
 * leads after the cut. Files in any other JSON layout are still read whole.
 */
class LeadsFileAdapter implements Adapter<LeadsFile> {
  /** The data version the last read found on disk, so the caller knows a migration happened. */
  versionOnDisk: number | null = null;

  constructor(private readonly path: string) {}

  async read(): Promise<LeadsFile | null> {
    if (!existsSync(this.path)) return null;
    const fd = openSync(this.path, 'r');
    try {
      return this.readLines(fd) ?? this.readWhole();
    } finally {
      closeSync(fd);
    }
  }

  async write(data: LeadsFile): Promise<void> {
    const { leads } = data;
    function* chunks(): Generator<string> {
      yield `{"schemaVersion":${data.schemaVersion},"leads":[\n`;
      for (let i = 0; i < leads.length; i++) yield `${JSON.stringify(leads[i])}${i < leads.length - 1 ? ',' : ''}\n`;
      yield `${FOOTER}\n`;
    }
    await writeAtomically(this.path, chunks());
  }

  /** Null when the file is not in the one-lead-per-line layout. */
  private readLines(fd: number): LeadsFile | null {
    const all = lines(fd, 0, fstatSync(fd).size);
    const first = all.next();
    const header = first.done ? null : HEADER.exec(first.value.text);
    if (!header) {
      // A newer Dialdesk may lay the file out differently: say so rather than call it damaged.
      const newer = first.done ? null : /^\{"schemaVersion":(\d+)/.exec(first.value.text);
      if (newer && Number(newer[1]) > LEADS_SCHEMA_VERSION) throw new NewerDataError('leads.json', Number(newer[1]));
      return null;
    }
    this.versionOnDisk = Number(header[1]);
    if (this.versionOnDisk > LEADS_SCHEMA_VERSION) throw new NewerDataError('leads.json', this.versionOnDisk);
    const leads: LeadsFile['leads'] = [];
    let lineNumber = 1;
    for (const { text } of all) {
      lineNumber += 1;
      if (text === FOOTER) return migrateLeadsFile({ schemaVersion: this.versionOnDisk, leads });
      try {
        leads.push(JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text));
      } catch {
        throw new Error(`line ${lineNumber} is not a valid lead`);
      }
    }
    throw new Error(`the file ends after ${leads.length} leads without its closing line (it was cut off)`);
  }

  private readWhole(): LeadsFile {
    const raw = JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, unknown>;
    this.versionOnDisk = typeof raw?.schemaVersion === 'number' ? raw.schemaVersion : 0;
    return migrateLeadsFile(raw);
  }
}

/**
 * `leads.json` through lowdb. It is rewritten only when lead data changes
 * (import, edits), never per outcome: outcomes go to the attempt logs.
 */
export class LeadSnapshot {
  private constructor(private readonly db: Low<LeadsFile>) {}

  /** Throws a plain Error with the reason when the file cannot be read. */
  static async open(path: string): Promise<{ snapshot: LeadSnapshot; existed: boolean; migrated: boolean }> {
    const adapter = new LeadsFileAdapter(path);
    const db = new Low<LeadsFile>(adapter, { schemaVersion: LEADS_SCHEMA_VERSION, leads: [] });
    await db.read();
    const existed = adapter.versionOnDisk !== null;
    const migrated = existed && adapter.versionOnDisk !== LEADS_SCHEMA_VERSION;
    if (migrated) await db.write();
    return { snapshot: new LeadSnapshot(db), existed, migrated };
  }

  get data(): LeadsFile {
    return this.db.data;
  }

  async write(leads: LeadsFile['leads']): Promise<void> {
    this.db.data = { schemaVersion: LEADS_SCHEMA_VERSION, leads };
    await this.db.write();
  }
}
