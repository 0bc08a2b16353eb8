/**
 * `plan [--from ISO] [--days N]`: the planned attempts of every callable lead
 * over the next N days (default 7), as CSV. Pure: the integrator's CLI reads
 * the store and settings, passes "now", and prints the returned text.
 */
import Papa from 'papaparse';
import type { Lead, LeadId } from '../../shared/domain.js';
import type { BandStats, DialBlock, LeadRotationState, LeadZones, PlannedAttempt, ScheduleSettings } from '../../shared/schedule.js';
import type { RepCalendar } from '../core/schedule/calling-window.js';
import { isDoNotCall, type DoNotCallList } from '../core/schedule/do-not-call.js';
import { createPlanningContext } from '../core/schedule/planner.js';
import { projectAll } from '../core/schedule/project-plans.js';
import { FORMULA_START } from '../core/leads/csv-line.js';
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { isoWithOffset } from '../core/timezones/zone-clock.js';

export const PLAN_CSV_COLUMNS = ['lead_id', 'phone', 'time_zone', 'planned_at', 'band', 'promised', 'in_block'] as const;

export interface PlanLead {
  lead: Pick<Lead, 'id' | 'phone' | 'doNotCall'>;
  state: LeadRotationState | undefined;
  zones: LeadZones;
  /** The lead's summary records an opt-out (kept even when it has no rotation state). */
  optedOut?: boolean;
}

/**
 * CSV of planned attempts. `time_zone` is the lead's IANA zone, or for an
 * ambiguous lead its candidates joined by `|`; `planned_at` is ISO 8601 with
 * the lead's UTC offset at that instant.
 */
export function formatPlanCsv(
  plans: PlannedAttempt[],
  leadsById: ReadonlyMap<LeadId, Pick<PlanLead, 'lead' | 'zones'>>,
): string {
  const rows = plans.map((plan) => {
    const entry = leadsById.get(plan.leadId);
    const zones = entry?.zones.zones ?? [];
    return [
      plan.leadId,
      entry?.lead.phone ?? '',
      zones.join('|'),
      zones.length > 0 ? isoWithOffset(zones[0], plan.at) : new Date(plan.at).toISOString(),
      plan.band ?? '',
      plan.promised ? 'yes' : 'no',
      plan.inBlock ? 'yes' : 'no',
    ];
  });
  return Papa.unparse({ fields: [...PLAN_CSV_COLUMNS], data: rows }, { newline: '\n', escapeFormulae: FORMULA_START }) + '\n';
}

export interface PlanArgs {
  from: number;
  days: number;
}

/** Parses `--from ISO` and `--days N`; `now` is the default start. */
export function parsePlanArgs(args: string[], now: number): { ok: true; value: PlanArgs } | { ok: false; error: string } {
  let from = now;
  let days = 7;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (flag === '--from') {
      const ms = value === undefined ? Number.NaN : Date.parse(value);
      if (!value || !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(ms)) {
        return { ok: false, error: `--from expects an ISO 8601 time such as 2025-03-12T09:00:00-05:00, got ${value ?? 'nothing'}` };
      }
      from = ms;
      i++;
    } else if (flag === '--days') {
      if (!value || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 366) {
        return { ok: false, error: `--days expects a whole number of days from 1 to 366, got ${value ?? 'nothing'}` };
      }
      days = Number(value);
      i++;
    } else {
      return { ok: false, error: `Unknown option ${flag}; usage: plan [--from ISO] [--days N]` };
    }
  }
  return { ok: true, value: { from, days } };
}

export interface PlanCommandInput {
  args: string[];
  leads: Iterable<PlanLead>;
  rep: RepCalendar;
  schedule: ScheduleSettings;
  bandStats?: BandStats;
  blocks?: DialBlock[];
  doNotCallList?: DoNotCallList | null;
  now: number;
}

export type PlanCommandResult = { ok: true; csv: string; plans: PlannedAttempt[] } | { ok: false; error: string };

export function planCommand(input: PlanCommandInput): PlanCommandResult {
  const args = parsePlanArgs(input.args, input.now);
  if (!args.ok) return args;
  const { from, days } = args.value;
  const leadsById = new Map<LeadId, PlanLead>();
  for (const entry of input.leads) {
    if (isDoNotCall(entry.lead, entry.state, input.doNotCallList, entry.optedOut)) continue;
    leadsById.set(entry.lead.id, entry);
  }
  const ctx = createPlanningContext({ rep: input.rep, schedule: input.schedule, bandStats: input.bandStats, blocks: input.blocks, strategy: 'learning' });
  const plans = projectAll(
    [...leadsById.values()].map(({ lead, state, zones }) => ({ leadId: lead.id, state, zones })),
    from,
    // `--days 7` is a week of the rep's calendar, however long its days are.
    addDays(new TZDate(from, input.rep.repTimeZone), days).getTime(),
    ctx,
  );
  return { ok: true, csv: formatPlanCsv(plans, leadsById), plans };
}
