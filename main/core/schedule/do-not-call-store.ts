import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DoNotCallDamage, DoNotCallEntry, DoNotCallPage } from '../../../shared/contract/index.js';
import { openSmallJsonFile, type SmallJsonFile } from '../store/small-json-file.js';
import { createDoNotCallList, type DoNotCallList } from './do-not-call.js';
import { digitsOf } from '../../../shared/digits.js';

/** What happened to the list, kept in the file: imports, removals, a damaged file and its acknowledgement. */
const logEntrySchema = z.object({
  at: z.string(),
  action: z.enum(['import', 'remove', 'damaged', 'acknowledge-damage']),
  detail: z.string(),
});

const damageSchema = z.object({ detectedAt: z.string(), keptAs: z.string(), numbersOnIt: z.number().int().min(0), reason: z.string() });

const fileSchema = z.object({
  schemaVersion: z.literal(2),
  entries: z.array(z.object({ number: z.string().regex(/^\+\d{5,15}$/), source: z.string(), addedAt: z.string() }).strict()),
  damage: damageSchema.nullable(),
  log: z.array(logEntrySchema),
});
type DoNotCallFile = z.infer<typeof fileSchema>;

/** Version 1 held bare numbers; their source was not kept. */
const fileV1Schema = z.object({ schemaVersion: z.literal(1), numbers: z.array(z.string().regex(/^\+\d{5,15}$/)) });
const V1_SOURCE = 'imported before Dialdesk kept sources';

const emptyFile = (): DoNotCallFile => ({ schemaVersion: 2, entries: [], damage: null, log: [] });

function readFile(raw: unknown): DoNotCallFile {
  const v1 = fileV1Schema.safeParse(raw);
  if (v1.success) return { ...emptyFile(), entries: v1.data.numbers.map((number) => ({ number, source: V1_SOURCE, addedAt: '' })) };
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`not a Dialdesk do-not-call file (${parsed.error.issues[0]?.message ?? 'wrong shape'})`);
  return parsed.data;
}

/** Numbers a damaged file still shows, so the rep is told what was lost. Counted, never trusted as the list. */
function countNumbersIn(path: string): number {
  try {
    return new Set(readFileSync(path, 'latin1').match(/\+\d{6,15}/g) ?? []).size;
  } catch {
    return 0;
  }
}


/** Entries whose source starts so came from the team's list (main/core/team); the source is the list's own words. */
export const TEAM_LIST_SOURCE = "your team's do-not-call list";

function listOf(entries: readonly { number: string; source: string }[]): DoNotCallList {
  const team = new Map(entries.filter((e) => e.source.startsWith(TEAM_LIST_SOURCE)).map((e) => [e.number, e.source]));
  return createDoNotCallList(entries.map((e) => e.number), (e164) => team.get(e164) ?? null);
}

/**
 * The imported do-not-call numbers in `do-not-call.json`, each with its source.
 *
 * Fail closed: a file that cannot be read is set aside (never overwritten) and
 * its damage is written into the new file, so every later start still knows;
 * until the list is imported again or the rep acknowledges, `blockedReason`
 * refuses every dial. An empty list after damage is never taken for "nobody
 * opted out".
 */
export class DoNotCallStore {
  private listValue: DoNotCallList;
  /** Other reasons the whole list cannot be trusted now (team mode: not synced within the team's limit). */
  private readonly blockers: Array<() => string | null> = [];

  private constructor(
    private readonly file: SmallJsonFile<DoNotCallFile>,
    private readonly now: () => Date,
  ) {
    this.listValue = listOf(file.db.data.entries);
  }

  static async open(dataDir: string, now: Date, clock: () => Date = () => new Date()): Promise<DoNotCallStore> {
    const file = await openSmallJsonFile<DoNotCallFile>(join(dataDir, 'do-not-call.json'), emptyFile, readFile, now, (keptAs, reason) => {
      const damage: DoNotCallDamage = { detectedAt: now.toISOString(), keptAs, numbersOnIt: countNumbersIn(keptAs), reason };
      return { ...emptyFile(), damage, log: [{ at: damage.detectedAt, action: 'damaged', detail: `${keptAs}: ${damage.numbersOnIt} numbers` }] };
    });
    return new DoNotCallStore(file, clock);
  }

  get notice(): string | null {
    return this.file.notice;
  }

  get list(): DoNotCallList {
    return this.listValue;
  }

  get damage(): DoNotCallDamage | null {
    return this.file.db.data.damage;
  }

  /** Why no number may be dialled at all right now (the list was damaged and not yet replaced), else null. */
  get blockedReason(): string | null {
    const damage = this.damage;
    if (!damage) {
      for (const blocker of this.blockers) {
        const reason = blocker();
        if (reason !== null) return reason;
      }
      return null;
    }
    return (
      `Do not call: the do-not-call list could not be read (${damage.numbersOnIt} numbers were on it); ` +
      'no calls until it is imported again or the loss is acknowledged under Do not call'
    );
  }

  /** Adds a reason the list may be incomplete (checked on every dial, fail closed): a team list not synced in time. */
  addBlocker(blocker: () => string | null): void {
    this.blockers.push(blocker);
  }

  /** Adds numbers from one import; returns how many were new. An import replaces a damaged list, so dialling resumes. */
  async add(numbers: string[], source: string): Promise<number> {
    const data = this.file.db.data;
    const known = new Set(data.entries.map((e) => e.number));
    const at = this.now().toISOString();
    const fresh = [...new Set(numbers)].filter((n) => !known.has(n));
    data.entries.push(...fresh.map((number) => ({ number, source, addedAt: at })));
    data.log.push({ at, action: 'import', detail: `${source}: ${numbers.length} numbers, ${fresh.length} new` });
    data.damage = null;
    await this.file.db.write();
    this.listValue = listOf(data.entries);
    return fresh.length;
  }

  /** Adds entries that each carry their own source (a team sync) in one write; returns how many were new. */
  async addEach(entries: ReadonlyArray<{ number: string; source: string }>, logDetail: string): Promise<number> {
    const data = this.file.db.data;
    const known = new Set(data.entries.map((e) => e.number));
    const at = this.now().toISOString();
    const fresh = entries.filter((e) => !known.has(e.number) && known.add(e.number));
    data.entries.push(...fresh.map((e) => ({ number: e.number, source: e.source, addedAt: at })));
    data.log.push({ at, action: 'import', detail: `${logDetail}: ${entries.length} numbers, ${fresh.length} new` });
    await this.file.db.write();
    this.listValue = listOf(data.entries);
    return fresh.length;
  }

  /**
   * Takes a number off the list. `confirm` must be the same number typed again
   * (any formatting); throws otherwise. The removal is logged with its source.
   */
  async remove(number: string, confirm: string): Promise<DoNotCallEntry> {
    if (digitsOf(confirm) !== digitsOf(number)) {
      throw new ConfirmationError(`Type the number ${number} to confirm its removal from the do-not-call list.`);
    }
    const data = this.file.db.data;
    const entry = data.entries.find((e) => e.number === number);
    if (!entry) throw new NotListedError(`${number} is not on the do-not-call list.`);
    data.entries = data.entries.filter((e) => e.number !== number);
    data.log.push({ at: this.now().toISOString(), action: 'remove', detail: `${number} (from ${entry.source})` });
    await this.file.db.write();
    this.listValue = listOf(data.entries);
    return entry;
  }

  /** The rep has seen how many numbers were lost; dialling resumes with the list as it is now. */
  async acknowledgeDamage(): Promise<void> {
    const damage = this.damage;
    if (!damage) return;
    this.file.db.data.damage = null;
    this.file.db.data.log.push({
      at: this.now().toISOString(),
      action: 'acknowledge-damage',
      detail: `${damage.keptAs}: ${damage.numbersOnIt} numbers not restored`,
    });
    await this.file.db.write();
  }

  /** Entries in list order, filtered by digits or source text. */
  page(query: string, offset: number, limit: number): DoNotCallPage {
    const all = this.file.db.data.entries;
    const text = query.trim().toLowerCase();
    const digits = digitsOf(text);
    const matching = text
      ? all.filter((e) => (digits.length > 0 && e.number.includes(digits)) || e.source.toLowerCase().includes(text))
      : all;
    return { total: matching.length, count: all.length, offset, entries: matching.slice(offset, offset + limit), damage: this.damage };
  }

  /** Every entry, for `dnc list`. */
  entries(): readonly DoNotCallEntry[] {
    return this.file.db.data.entries;
  }

  /** The audit trail: imports, removals, damage and acknowledgements. */
  history(): ReadonlyArray<z.infer<typeof logEntrySchema>> {
    return this.file.db.data.log;
  }
}

export class ConfirmationError extends Error {}
export class NotListedError extends Error {}
