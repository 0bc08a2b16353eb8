import { randomUUID } from 'node:crypto';
import { mkdirSync, openSync, closeSync, writeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Attempt, Lead, Outcome } from '../../shared/domain.js';
import { LEADS_SCHEMA_VERSION } from '../../main/core/store/migrations.js';

const OUTCOMES: Outcome[] = ['no-answer', 'no-answer', 'no-answer', 'voicemail', 'busy', 'conversation', 'wrong-number'];
const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', null];
const AREAS = ['212', '312', '303', '415', '617', '214', '602', '206', '305', '404'];

/**
 * Writes a store the way years of use would leave it: leads.json plus one
 * attempt log per month. Written directly, not through the store, so
 * generating a million attempts takes seconds. No state.json: the first open
 * rebuilds it from the logs.
 */
export function generateStore(dir: string, leadCount: number, attemptCount: number, months: number, seed = 1): { leadIds: string[] } {
  let state = seed;
  // 32-bit LCG via Math.imul: plain multiplication would overflow 2^53 and collapse the sequence.
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff) / 0x80000000);
  mkdirSync(join(dir, 'attempts'), { recursive: true });
  const created = '2024-11-01T12:00:00.000Z';
  const leads: Lead[] = [];
  for (let i = 0; i < leadCount; i++) {
    leads.push({
      id: randomUUID(),
      firstName: `First${i}`,
      lastName: `Last${i}`,
      company: `Company ${i % 9000}`,
      email: `lead${i}@example.com`,
      phone: `+1${AREAS[i % AREAS.length]}${String(2000000 + i).padStart(7, '0')}`,
      extension: '',
      otherPhones: [],
      timeZone: ZONES[i % ZONES.length],
      timeZoneInput: '',
      zones: { zones: [ZONES[i % 4]!], ambiguous: false, source: 'phone', country: 'US', places: ['US'] },
      referrer: i % 4 === 0 ? 'Sam Ortiz' : '',
      reason: 'your expansion plans',
      notes: '',
      doNotCall: false,
      createdAt: created,
      updatedAt: created,
    });
  }
  // The layout the store writes: one lead per line (see lead-snapshot.ts).
  writeFileSync(join(dir, 'leads.json'), `{"schemaVersion":${LEADS_SCHEMA_VERSION},"leads":[\n${leads.map((l) => JSON.stringify(l)).join(',\n')}\n]}\n`);

  const perMonth = Math.ceil(attemptCount / months);
  let written = 0;
  for (let m = 0; m < months && written < attemptCount; m++) {
    const monthStart = new Date(Date.UTC(2024, 10 + m, 1));
    const name = monthStart.toISOString().slice(0, 7);
    const fd = openSync(join(dir, 'attempts', `${name}.jsonl`), 'w');
    const lines: string[] = [];
    for (let k = 0; k < perMonth && written < attemptCount; k++, written++) {
      const at = new Date(monthStart.getTime() + Math.floor(random() * 27 * 86_400_000)).toISOString();
      const attempt: Attempt = {
        id: randomUUID(),
        leadId: leads[Math.floor(random() * leadCount)].id,
        outcome: OUTCOMES[Math.floor(random() * OUTCOMES.length)],
        startedAt: at,
        recordedAt: at,
        endedAt: null,
        source: 'call',
        note: '',
        sipStatus: null,
        scriptId: null,
        scriptVersion: null,
        promisedFor: null,
      };
      lines.push(JSON.stringify(attempt));
      if (lines.length === 10_000) writeSync(fd, `${lines.splice(0).join('\n')}\n`);
    }
    if (lines.length > 0) writeSync(fd, `${lines.join('\n')}\n`);
    closeSync(fd);
  }
  return { leadIds: leads.map((l) => l.id) };
}
