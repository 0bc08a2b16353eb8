import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StatsFold, statsFoldFactory, statsOf } from '../../../../main/core/stats/stats-fold.js';
import { dayOfIsoDate, queryStats } from '../../../../main/core/stats/stats-query.js';
import { LeadStore } from '../../../../main/core/store/lead-store.js';
import type { InboundCall } from '../../../../shared/domain.js';
import { makeAttempt, makeLead } from '../../../support/fixtures.js';
import { CHECKPOINT_FILE } from '../../../../main/core/store/summary-checkpoint.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const NY = { zones: ['America/New_York'], ambiguous: false, source: 'import' as const, country: 'US', places: ['US'] };
const LA = { zones: ['America/Los_Angeles'], ambiguous: false, source: 'import' as const, country: 'US', places: ['US'] };
const all = { fromDay: null, toDay: null };
const names = (id: string, v: number) => `${id} v${v}`;
const inbound = (leadId: string | null, at: string): InboundCall => ({
  id: `in-${at}`,
  from: '+12125550101',
  displayName: '',
  receivedAt: at,
  leadId,
  response: 'busy-486',
  reason: 'dial block active',
});

describe('stats fold', () => {
  const tempDir = useTempDirs();

  it('counts dials, conversations and voicemails per rep day, and connects by the lead’s own hour and weekday', () => {
    const fold = new StatsFold(() => 'America/New_York');
    // 14:30 UTC Tue = 9:30 New York = 6:30 Los Angeles.
    fold.foldAttempt(makeAttempt('a', 'conversation', '2026-12-01T14:30:00.000Z'), 'America/New_York', { kept: 0, broken: 0 });
    fold.foldAttempt(makeAttempt('b', 'no-answer', '2026-12-01T14:30:00.000Z'), 'America/Los_Angeles', { kept: 0, broken: 0 });
    fold.foldAttempt(makeAttempt('b', 'failed', '2026-12-01T14:31:00.000Z'), 'America/Los_Angeles', { kept: 0, broken: 0 });
    // 03:00 UTC Wed = 22:00 Tue in New York: still the rep's Tuesday.
    fold.foldAttempt(makeAttempt('c', 'voicemail', '2026-12-02T03:00:00.000Z', { scriptId: 's1', scriptVersion: 2 }), 'America/New_York', { kept: 1, broken: 0 });
    const report = queryStats(fold, all, names);
    expect(report).toMatchObject({ dials: 3, conversations: 1, voicemailsLeft: 1, promisesKept: 1, conversationRate: 1 / 3 });
    expect(report.byDay).toEqual([{ date: '2026-12-01', dials: 3, conversations: 1, voicemailsLeft: 1, returns: 0 }]);
    expect(report.byWeek).toEqual([{ weekOf: '2026-11-30', dials: 3, conversations: 1, voicemailsLeft: 1, returns: 0 }]);
    expect(report.byHour).toHaveLength(24);
    expect(report.byHour[9]).toEqual({ hour: 9, dials: 1, conversations: 1, connectRate: 1 });
    expect(report.byHour[6]).toMatchObject({ dials: 1, conversations: 0 });
    expect(report.byHour[22]).toMatchObject({ dials: 1 });
    expect(report.byWeekday[2]).toMatchObject({ dials: 3, conversations: 1 });
    expect(report.byScript).toEqual([{ scriptId: 's1', version: 2, name: 's1 v2', voicemails: 1, returns: 0, returnRate: 0 }]);
  });

  it('weeks start on Monday in the rep\'s zone, across a DST change too', () => {
    const none = { kept: 0, broken: 0 };
    const ny = new StatsFold(() => 'America/New_York');
    // New York springs forward on Sunday 2026-03-08.
    ny.foldAttempt(makeAttempt('a', 'no-answer', '2026-03-07T17:00:00.000Z'), 'America/New_York', none); // Sat 12:00 EST
    ny.foldAttempt(makeAttempt('a', 'no-answer', '2026-03-09T03:30:00.000Z'), 'America/New_York', none); // Sun 23:30 EDT
    ny.foldAttempt(makeAttempt('a', 'no-answer', '2026-03-09T04:30:00.000Z'), 'America/New_York', none); // Mon 00:30 EDT
    const spring = queryStats(ny, all, names);
    expect(spring.byDay.map((d) => [d.date, d.dials])).toEqual([
      ['2026-03-07', 1],
      ['2026-03-08', 1],
      ['2026-03-09', 1],
    ]);
    expect(spring.byWeek.map((w) => [w.weekOf, w.dials])).toEqual([
      ['2026-03-02', 2],
      ['2026-03-09', 1],
    ]);
    const berlin = new StatsFold(() => 'Europe/Berlin');
    // Berlin falls back on Sunday 2026-10-25: its last hour before Monday is UTC+1.
    berlin.foldAttempt(makeAttempt('b', 'no-answer', '2026-10-25T22:30:00.000Z'), 'Europe/Berlin', none); // Sun 23:30 CET
    berlin.foldAttempt(makeAttempt('b', 'no-answer', '2026-10-25T23:15:00.000Z'), 'Europe/Berlin', none); // Mon 00:15 CET
    expect(queryStats(berlin, all, names).byWeek.map((w) => [w.weekOf, w.dials])).toEqual([
      ['2026-10-19', 1],
      ['2026-10-26', 1],
    ]);
  });

  it('reads a range as calendar dates and refuses a date the calendar does not have', () => {
    expect(dayOfIsoDate('1970-01-02')).toBe(1);
    expect(dayOfIsoDate('2026-12-01') - dayOfIsoDate('2026-11-30')).toBe(1);
    expect(() => dayOfIsoDate('2026-02-30')).toThrow('expected a date as YYYY-MM-DD, got "2026-02-30"');
    expect(() => dayOfIsoDate('2026-2-3')).toThrow('expected a date as YYYY-MM-DD');
  });

  it('a return is the first inbound call or conversation after a voicemail, counted once, credited to the voicemail’s script', () => {
    const fold = new StatsFold(() => 'America/New_York');
    const none = { kept: 0, broken: 0 };
    fold.foldAttempt(makeAttempt('a', 'voicemail', '2026-12-01T15:00:00.000Z', { scriptId: 's1', scriptVersion: 1 }), 'America/New_York', none);
    fold.foldAttempt(makeAttempt('b', 'voicemail', '2026-12-01T15:05:00.000Z', { scriptId: 's1', scriptVersion: 2 }), 'America/New_York', none);
    fold.foldInbound(inbound('a', '2026-12-01T14:00:00.000Z')); // before the voicemail: not a return
    fold.foldInbound(inbound('a', '2026-12-02T16:00:00.000Z')); // next day: the return
    fold.foldInbound(inbound('a', '2026-12-02T16:10:00.000Z')); // again: not counted twice
    fold.foldInbound(inbound(null, '2026-12-02T16:20:00.000Z')); // unknown caller
    fold.foldAttempt(makeAttempt('b', 'conversation', '2026-12-03T15:00:00.000Z'), 'America/New_York', none); // b reached: a return
    const report = queryStats(fold, all, names);
    expect(report.returns).toBe(2);
    expect(report.byScript.map((s) => [s.version, s.voicemails, s.returns])).toEqual([
      [1, 1, 1],
      [2, 1, 1],
    ]);
    // Returns land on the day they came; the script's rate stays with the day the voicemail was left.
    const tuesday = queryStats(fold, { fromDay: dayOfIsoDate('2026-12-01'), toDay: dayOfIsoDate('2026-12-01') }, names);
    expect(tuesday).toMatchObject({ from: '2026-12-01', to: '2026-12-01', voicemailsLeft: 2, returns: 0 });
    expect(tuesday.byScript.map((s) => s.returns)).toEqual([1, 1]);
  });

  it('is kept with the store: folded as attempts and inbound calls are recorded, restored from the checkpoint, and the same when rebuilt from the logs', async () => {
    const dir = tempDir();
    const store = await LeadStore.open(dir, { repTimeZone: () => 'America/New_York', historyFold: statsFoldFactory(() => 'America/New_York') });
    const dana = makeLead({ phone: '+12125550101', zones: NY });
    const omar = makeLead({ phone: '+13105550102', zones: LA });
    await store.addLeads([dana, omar]);
    await store.recordAttempt(makeAttempt(dana.id, 'voicemail', '2026-12-01T15:00:00.000Z', { scriptId: 's1', scriptVersion: 1, promisedFor: '2026-12-02T14:15:00.000Z' }));
    await store.recordAttempt(makeAttempt(omar.id, 'conversation', '2026-12-01T18:00:00.000Z'));
    await store.recordInbound(inbound(dana.id, '2026-12-01T17:00:00.000Z'));
    await store.recordAttempt(makeAttempt(dana.id, 'no-answer', '2026-12-02T14:16:00.000Z'));
    const live = queryStats(statsOf(store), all, names);
    expect(live).toMatchObject({ dials: 3, conversations: 1, voicemailsLeft: 1, returns: 1, promisesKept: 1 });
    await store.close();

    const reopened = await LeadStore.open(dir, { repTimeZone: () => 'America/New_York', historyFold: statsFoldFactory(() => 'America/New_York') });
    expect(queryStats(statsOf(reopened), all, names)).toEqual(live);
    await reopened.close();

    writeFileSync(join(dir, CHECKPOINT_FILE), 'not a checkpoint');
    const rebuilt = await LeadStore.open(dir, { repTimeZone: () => 'America/New_York', historyFold: statsFoldFactory(() => 'America/New_York') });
    expect(queryStats(statsOf(rebuilt), all, names)).toEqual(live);
    await rebuilt.close();
  });
});
