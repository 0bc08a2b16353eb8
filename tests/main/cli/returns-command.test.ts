import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LeadStore } from '../../../main/core/store/lead-store.js';
import { makeAttempt, makeLead } from '../../support/fixtures.js';
import { cli } from '../../support/run-cli.js';
import { useTempDirs } from '../../support/temp-dir.js';

describe('dialdesk CLI: stats --json and returns --ics', () => {
  const tempDir = useTempDirs();

  it('prints the stats as one JSON line, by range, and lists the callers waiting with the calendar written', async () => {
    const dir = join(tempDir(), 'data');
    const store = await LeadStore.open(dir);
    const dana = makeLead({ phone: '+12125550101', zones: { zones: ['America/New_York'], ambiguous: false, source: 'import', country: 'US', places: ['US'] } });
    await store.addLeads([dana]);
    const left = makeAttempt(dana.id, 'voicemail', '2026-11-02T15:00:00.000Z', { scriptId: 'first-direct', scriptVersion: 1, promisedFor: '2026-11-03T14:15:00.000Z' });
    await store.recordAttempt(left);
    await store.recordAttempt(makeAttempt(dana.id, 'conversation', '2026-11-04T15:00:00.000Z'));
    await store.recordInbound({
      id: 'in-1',
      from: '+12125550101',
      displayName: 'Dana',
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      leadId: dana.id,
      response: 'busy-486',
      reason: 'dial block active',
      answering: { voicemailAttemptId: left.id, leftAt: left.startedAt, scriptId: 'first-direct', scriptVersion: 1, promisedFor: left.promisedFor },
    });
    await store.close();

    const all = await cli(['stats', '--json', '--data-dir', dir]);
    expect(all.code).toBe(0);
    expect(all.out.trim().split('\n')).toHaveLength(1);
    const stats = JSON.parse(all.out);
    expect(stats).toMatchObject({ dials: 2, conversations: 1, conversationRate: 0.5, voicemailsLeft: 1, returns: 1 });
    expect(stats.byHour).toHaveLength(24);
    expect(stats.byHour[10]).toEqual({ hour: 10, dials: 2, conversations: 1, connectRate: 0.5 });
    expect(stats.byScript).toEqual([expect.objectContaining({ scriptId: 'first-direct', version: 1, voicemails: 1, returns: 1 })]);

    const range = JSON.parse((await cli(['stats', '--json', '--from', '2026-11-04', '--to', '2026-11-04', '--data-dir', dir])).out);
    expect(range).toMatchObject({ from: '2026-11-04', to: '2026-11-04', dials: 1, conversations: 1, voicemailsLeft: 0 });
    const bad = await cli(['stats', '--from', '4 Nov', '--data-dir', dir]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/expected a date as YYYY-MM-DD/);

    const text = await cli(['stats', '--data-dir', dir]);
    expect(text.out).toMatch(/Voicemails:\s+1 left, 1 returned/);

    const ics = join(dir, '..', 'slots.ics');
    const returns = await cli(['returns', '--ics', ics, '--data-dir', dir]);
    expect(returns.code).toBe(0);
    expect(returns.out).toMatch(/^Returns slot: /);
    expect(returns.out).toContain('Dana Whitfield (+12125550101)');
    expect(returns.out).toMatch(/Probably answering the voicemail left .* \(first-direct v1\), which promised a call at/);
    expect(readFileSync(ics, 'utf8')).toMatch(/^BEGIN:VCALENDAR[\s\S]*BEGIN:VEVENT[\s\S]*1 callers waiting: Dana Whitfield/);
  });
});
