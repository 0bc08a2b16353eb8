import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LeadStore } from '../../../../main/core/store/lead-store.js';
import { makeAttempt, makeLead } from '../../../support/fixtures.js';
import { useTempDirs } from '../../../support/temp-dir.js';

describe('migration: an answered call followed by a voicemail record is one voicemail attempt', () => {
  const tempDir = useTempDirs();

  it('merges each answered call with the voicemail recorded during it or just after, and nothing else', async () => {
    const dir = tempDir();
    const store = await LeadStore.open(dir);
    const dana = makeLead({ phone: '+12125550101' });
    const omar = makeLead({ phone: '+12125550102' });
    await store.addLeads([dana, omar]);
    await store.close();

    const call = (leadId: string, start: string, end: string, id: string) =>
      makeAttempt(leadId, 'conversation', start, { id, source: 'call', sipStatus: 200, endedAt: end, recordedAt: end });
    const vm = (leadId: string, at: string, id: string) =>
      makeAttempt(leadId, 'voicemail', at, { id, scriptId: 'first-direct', scriptVersion: 3, promisedFor: '2026-11-03T14:15:00.000Z', note: 'left it' });
    const lines = [
      // Recorded while the call was still up: the voicemail line comes first.
      vm(dana.id, '2026-11-02T15:00:40.000Z', 'vm-during'),
      call(dana.id, '2026-11-02T15:00:00.000Z', '2026-11-02T15:01:00.000Z', 'call-1'),
      // Recorded two minutes after hanging up.
      call(dana.id, '2026-11-04T15:00:00.000Z', '2026-11-04T15:01:00.000Z', 'call-2'),
      vm(dana.id, '2026-11-04T15:03:00.000Z', 'vm-after'),
      // A real conversation with no voicemail stays a conversation.
      call(omar.id, '2026-11-04T16:00:00.000Z', '2026-11-04T16:05:00.000Z', 'call-3'),
      // A voicemail logged by hand a day later is its own attempt.
      vm(omar.id, '2026-11-05T16:00:00.000Z', 'vm-manual'),
    ];
    // Written as the old app did: a data folder from before this migration has no marker.
    rmSync(join(dir, 'attempts', '.voicemail-calls-merged'));
    writeFileSync(join(dir, 'attempts', '2026-11.jsonl'), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const migrate = await LeadStore.open(dir);
    const attempts = [...migrate.allAttempts()];
    expect(attempts.map((a) => [a.id, a.outcome])).toEqual([
      ['call-1', 'voicemail'],
      ['call-2', 'voicemail'],
      ['call-3', 'conversation'],
      ['vm-manual', 'voicemail'],
    ]);
    expect(attempts[0]).toMatchObject({ source: 'call', sipStatus: 200, scriptId: 'first-direct', scriptVersion: 3, promisedFor: '2026-11-03T14:15:00.000Z', note: 'left it' });
    expect(migrate.publicSummary(dana.id)).toMatchObject({ attempts: 2, conversations: 0, voicemails: 2 });
    await migrate.close();

    // Once only: a second open changes nothing.
    const before = readFileSync(join(dir, 'attempts', '2026-11.jsonl'), 'utf8');
    const again = await LeadStore.open(dir);
    await again.close();
    expect(readFileSync(join(dir, 'attempts', '2026-11.jsonl'), 'utf8')).toBe(before);
  });
});
