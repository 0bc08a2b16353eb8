import { join } from 'node:path';
import { openSmallJsonFile, versionOneWithList, type SmallJsonFile } from '../store/small-json-file.js';
import { createDoNotCallList, type DoNotCallList } from './do-not-call.js';

interface DoNotCallFile {
  schemaVersion: 1;
  /** E.164 numbers never to be dialled, from imported lists. */
  numbers: string[];
}

/** The imported do-not-call numbers in `do-not-call.json`; they block matching leads everywhere. */
export class DoNotCallStore {
  private listValue: DoNotCallList;

  private constructor(private readonly file: SmallJsonFile<DoNotCallFile>) {
    this.listValue = createDoNotCallList(file.db.data.numbers);
  }

  static async open(dataDir: string, now: Date): Promise<DoNotCallStore> {
    const file = await openSmallJsonFile<DoNotCallFile>(
      join(dataDir, 'do-not-call.json'),
      () => ({ schemaVersion: 1, numbers: [] }),
      versionOneWithList<DoNotCallFile>('do-not-call', 'numbers'),
      now,
    );
    return new DoNotCallStore(file);
  }

  get notice(): string | null {
    return this.file.notice;
  }

  get list(): DoNotCallList {
    return this.listValue;
  }

  /** Adds numbers; returns how many were new. */
  async add(numbers: string[]): Promise<number> {
    const known = new Set(this.file.db.data.numbers);
    const fresh = [...new Set(numbers)].filter((n) => !known.has(n));
    if (fresh.length === 0) return 0;
    this.file.db.data.numbers.push(...fresh);
    await this.file.db.write();
    this.listValue = createDoNotCallList(this.file.db.data.numbers);
    return fresh.length;
  }
}
