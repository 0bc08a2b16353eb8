import { describe, expect, it } from 'vitest';
import { formatPlanCsv, parsePlanArgs, planCommand } from '../../../main/cli/plan-command.js';
import { createDoNotCallList } from '../../../main/core/schedule/do-not-call.js';
import { at, rep, schedule, zones } from '../core/schedule/fixtures.js';

const leads = [
  { lead: { id: 'a', phone: '+13125550100', doNotCall: false }, state: undefined, zones: zones('America/Chicago') },
  { lead: { id: 'b', phone: '+12085550100', doNotCall: false }, state: undefined, zones: zones('America/Boise', 'America/Los_Angeles') },
  { lead: { id: 'c', phone: '+12125550100', doNotCall: true }, state: undefined, zones: zones('America/New_York') },
  { lead: { id: 'd', phone: '+17025550100', doNotCall: false }, state: undefined, zones: zones('America/Los_Angeles') },
];

describe('planCommand', () => {
  it('prints planned attempts as CSV with the lead’s offset and zones', () => {
    const result = planCommand({
      args: ['--from', '2025-03-12T08:00:00-05:00', '--days', '2'],
      leads,
      rep: rep(),
      schedule: schedule(),
      doNotCallList: createDoNotCallList(['+17025550100']),
      now: at('2025-03-01T00:00:00Z'),
    });
    expect(result.ok).toBe(true);
    expect(result.ok && result.csv).toBe(
      [
        'lead_id,phone,time_zone,planned_at,band,promised,in_block',
        'a,+13125550100,America/Chicago,2025-03-12T08:00:00-05:00,08-10,no,no',
        // Boise is an hour ahead of Los Angeles: 8:00 in LA is 9:00 in Boise, band 08-10 of the reference zone.
        'b,+12085550100,America/Boise|America/Los_Angeles,2025-03-12T09:00:00-06:00,08-10,no,no',
        'a,+13125550100,America/Chicago,2025-03-13T10:00:00-05:00,10-12,no,no',
        'b,+12085550100,America/Boise|America/Los_Angeles,2025-03-13T10:00:00-06:00,10-12,no,no',
        '',
      ].join('\n'),
    );
  });

  it('rejects bad options with a usage hint', () => {
    expect(parsePlanArgs(['--days', 'x'], 0)).toEqual({ ok: false, error: '--days expects a whole number of days from 1 to 366, got x' });
    expect(parsePlanArgs(['--from', 'yesterday'], 0).ok).toBe(false);
    expect(parsePlanArgs(['--soon'], 0)).toEqual({ ok: false, error: 'Unknown option --soon; usage: plan [--from ISO] [--days N]' });
    expect(parsePlanArgs([], 5)).toEqual({ ok: true, value: { from: 5, days: 7 } });
  });

  it('quotes fields that need it', () => {
    const csv = formatPlanCsv(
      [{ leadId: 'x,1', at: at('2025-03-12T14:00:00Z'), band: null, promised: true, inBlock: false, promiseConflict: null }],
      new Map([['x,1', { lead: { id: 'x,1', phone: '+1', doNotCall: false }, zones: zones() }]]),
    );
    expect(csv).toBe('lead_id,phone,time_zone,planned_at,band,promised,in_block\n"x,1",+1,,2025-03-12T14:00:00.000Z,,yes,no\n');
  });
});
