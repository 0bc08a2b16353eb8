import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Attempt, InboundCall, Lead } from '../../../../shared/domain.js';
import { LeadStore } from '../../../../main/core/store/lead-store.js';
import { LEADS_SCHEMA_VERSION } from '../../../../main/core/store/migrations.js';
import { useTempDirs } from '../../../support/temp-dir.js';

/**
 * For random stores with random records corrupted (a wrong type, a missing field, garbage bytes,
 * a last line cut short), opening keeps every valid record and sets aside exactly the bad ones,
 * each with its exact bytes.
 */
type Damage = 'wrong-type' | 'missing-field' | 'garbage' | 'truncated';

interface Written {
  kind: 'lead' | 'attempt' | 'inbound';
  id: string;
  /** The line's bytes as written, without its newline. */
  line: Buffer;
  bad: boolean;
  /** Cut short: the file ends inside this line (no newline after it). */
  torn?: boolean;
}

const ZONES = ['America/New_York', 'America/Chicago', 'Europe/Berlin'];

function lead(i: number): Lead {
  const at = '2026-11-01T12:00:00.000Z';
  return {
    id: `lead-${i}`,
    firstName: `Fïrst ${i}`,
    lastName: 'Last',
    company: 'Co',
    email: '',
    phone: `+1212555${String(1000 + i).padStart(4, '0')}`,
    extension: '',
    otherPhones: [],
    timeZone: null,
    timeZoneInput: '',
    zones: { zones: [ZONES[i % ZONES.length]], ambiguous: false, source: 'phone', country: 'US', places: ['US-NY'] },
    referrer: '',
    reason: '',
    notes: i % 3 === 0 ? 'line\nbreak, "quoted"' : '',
    doNotCall: false,
    createdAt: at,
    updatedAt: at,
  };
}

function attempt(i: number, leads: number, month: string): Attempt {
  const at = `${month}-${String(1 + (i % 27)).padStart(2, '0')}T15:00:00.000Z`;
  return {
    id: `attempt-${i}`,
    leadId: `lead-${i % Math.max(leads, 1)}`,
    outcome: i % 4 === 0 ? 'conversation' : 'no-answer',
    startedAt: at,
    recordedAt: at,
    endedAt: null,
    source: 'call',
    note: '',
    sipStatus: 480,
    scriptId: null,
    scriptVersion: null,
    promisedFor: null,
  };
}

function inbound(i: number, month: string): InboundCall {
  return { id: `inbound-${i}`, from: '+12125550100', displayName: '', receivedAt: `${month}-03T10:00:00.000Z`, leadId: null, response: 'busy-486', reason: 'in a block' };
}

/** Required keys of each kind, and a field to give the wrong type. */
const REQUIRED = { lead: ['id', 'phone', 'firstName', 'zones', 'createdAt'], attempt: ['id', 'leadId', 'outcome', 'recordedAt'], inbound: ['id', 'receivedAt', 'response'] } as const;
const WRONG = { lead: ['phone', 42], attempt: ['outcome', 42], inbound: ['response', false] } as const;

/** Garbage that is never a blank line nor a valid record: a non-UTF-8 byte first, no newline. */
const garbageArb = fc.uint8Array({ minLength: 0, maxLength: 40 }).map((bytes) => Buffer.from([0xff, ...[...bytes].map((b) => (b === 0x0a ? 0x20 : b))]));

function damaged(kind: Written['kind'], record: object, damage: Exclude<Damage, 'truncated'>, pick: number, garbage: Buffer): Buffer {
  if (damage === 'garbage') return garbage;
  const copy: Record<string, unknown> = { ...record };
  if (damage === 'wrong-type') copy[WRONG[kind][0]] = WRONG[kind][1];
  else delete copy[REQUIRED[kind][pick % REQUIRED[kind].length]];
  return Buffer.from(JSON.stringify(copy));
}

const storeArb = fc.record({
  leads: fc.integer({ min: 1, max: 25 }),
  attempts: fc.integer({ min: 0, max: 40 }),
  inbound: fc.integer({ min: 0, max: 6 }),
  /** Which records are damaged (indexes into all records), how, and garbage for each. */
  damage: fc.array(fc.record({ at: fc.nat(), how: fc.constantFrom<Damage>('wrong-type', 'missing-field', 'garbage', 'truncated'), pick: fc.nat(), garbage: garbageArb, cut: fc.double({ min: 0.05, max: 0.95, noNaN: true }) }), { minLength: 1, maxLength: 4 }),
});

type StoreSpec = typeof storeArb extends fc.Arbitrary<infer T> ? T : never;

/** Writes the files as the store lays them out, with the damage; returns every record line and whether it is bad. */
function writeStore(dir: string, spec: StoreSpec): { written: Written[]; leadsCutOff: boolean } {
  const months = ['2026-10', '2026-11'];
  const files: Record<string, Written[]> = { 'leads.json': [] };
  for (let i = 0; i < spec.leads; i++) files['leads.json'].push({ kind: 'lead', id: `lead-${i}`, line: Buffer.from(JSON.stringify(lead(i))), bad: false });
  for (let i = 0; i < spec.attempts; i++) {
    const month = months[i % 2];
    (files[`attempts/${month}.jsonl`] ??= []).push({ kind: 'attempt', id: `attempt-${i}`, line: Buffer.from(JSON.stringify(attempt(i, spec.leads, month))), bad: false });
  }
  for (let i = 0; i < spec.inbound; i++) {
    const month = months[i % 2];
    (files[`inbound/${month}.jsonl`] ??= []).push({ kind: 'inbound', id: `inbound-${i}`, line: Buffer.from(JSON.stringify(inbound(i, month))), bad: false });
  }
  const all = Object.values(files).flat();
  let leadsCutOff = false;
  for (const d of spec.damage) {
    const target = all[d.at % all.length];
    if (target.bad) continue;
    if (d.how === 'truncated') {
      // Only a file's last line can be cut short: cut the last line of the file this record is in.
      const file = Object.entries(files).find(([, list]) => list.includes(target))!;
      const last = file[1].at(-1)!;
      if (last.bad) continue;
      last.line = last.line.subarray(0, Math.max(1, Math.floor(last.line.length * d.cut)));
      last.bad = true;
      last.torn = true;
      if (file[0] === 'leads.json') leadsCutOff = true;
      continue;
    }
    const record = JSON.parse(target.line.toString('utf8'));
    target.line = damaged(target.kind, record, d.how, d.pick, d.garbage);
    target.bad = true;
  }
  mkdirSync(join(dir, 'attempts'), { recursive: true });
  mkdirSync(join(dir, 'inbound'), { recursive: true });
  for (const [name, list] of Object.entries(files)) {
    const newline = Buffer.from('\n');
    if (name === 'leads.json') {
      const body = list.map((w, i) => (w.torn ? w.line : Buffer.concat([w.line, Buffer.from(i < list.length - 1 ? ',\n' : '\n')])));
      const head = Buffer.from(`{"schemaVersion":${LEADS_SCHEMA_VERSION},"leads":[\n`);
      writeFileSync(join(dir, name), Buffer.concat([head, ...body, ...(leadsCutOff ? [] : [Buffer.from(']}\n')])]));
      // As read back, a lead line carries its comma.
      for (const w of list.slice(0, -1)) w.line = Buffer.concat([w.line, Buffer.from(',')]);
    } else {
      writeFileSync(join(dir, name), Buffer.concat(list.map((w) => (w.torn ? w.line : Buffer.concat([w.line, newline])))));
    }
  }
  return { written: all, leadsCutOff };
}

describe('one bad record costs one record', () => {
  const tempDir = useTempDirs();

  it('keeps every valid record and sets aside exactly the bad ones, byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(storeArb, async (spec) => {
        const dir = tempDir();
        const { written, leadsCutOff } = writeStore(dir, spec);
        const store = await LeadStore.open(dir, { now: () => new Date('2026-12-07T21:00:00Z') });
        try {
          const good = (kind: Written['kind']) => written.filter((w) => w.kind === kind && !w.bad).map((w) => w.id).sort();
          expect([...store.allLeads()].map((l) => l.id).sort()).toEqual(good('lead'));
          for (const w of written.filter((x) => x.kind === 'lead' && !x.bad)) expect(store.getLead(w.id)).toEqual(lead(Number(w.id.slice(5))));
          expect([...store.allAttempts()].map((a) => a.id).sort()).toEqual(good('attempt'));
          expect([...store.inbound.all()].map((c) => c.id).sort()).toEqual(good('inbound'));

          const setAside = [...store.quarantine.all()];
          const bytesOf = (r: (typeof setAside)[number]) => (r.base64 !== undefined ? Buffer.from(r.base64, 'base64') : Buffer.from(r.text, 'utf8'));
          const expected = written.filter((w) => w.bad).map((w) => `${w.kind}:${w.line.toString('base64')}`).sort();
          expect(setAside.map((r) => `${r.kind}:${bytesOf(r).toString('base64')}`).sort()).toEqual(expected);
          for (const r of setAside) expect(r.reason.length).toBeGreaterThan(0);
          expect(store.quarantine.count).toBe(expected.length);
          if (leadsCutOff) expect(readdirSync(dir).some((name) => name.startsWith('damaged-'))).toBe(true);
        } finally {
          await store.close();
        }
        // Opened again: nothing more is set aside, and the same records open.
        const again = await LeadStore.open(dir);
        try {
          expect(again.notices()).toEqual([]);
          expect(again.quarantine.count).toBe(written.filter((w) => w.bad).length);
          expect(again.leadCount).toBe(written.filter((w) => w.kind === 'lead' && !w.bad).length);
        } finally {
          await again.close();
        }
        expect(existsSync(join(dir, 'leads.json'))).toBe(true);
        expect(readFileSync(join(dir, 'leads.json'), 'utf8').endsWith(']}\n')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
