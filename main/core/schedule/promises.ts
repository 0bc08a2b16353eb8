/**
 * Promises made on voicemail: the next attempt time fixed while leaving the
 * message, kept where stated by the planner, and tallied kept/broken.
 */
import type { LeadId } from '../../../shared/domain.js';
import type { LeadRotationState, LeadZones, PromiseTally, ScheduleSettings } from '../../../shared/schedule.js';
import { localMinuteOfDay, MINUTE_MS } from '../timezones/zone-clock.js';
import { isAllowedAt } from './calling-window.js';
import { blockAt, expandDialBlocks } from './dial-blocks.js';
import { planNextAttempt, type PlanningContext } from './planner.js';
import { foldAttempt } from '../rotation/rotation-state.js';

export interface PromiseInput {
  leadId: LeadId;
  /** The lead's state before the voicemail being left now. */
  state: LeadRotationState | undefined;
  zones: LeadZones;
  /** When the voicemail is left. */
  now: number;
  ctx: PlanningContext;
}

/**
 * The time to promise in a voicemail left at `now`: the slot the rotation
 * would pick next (inside the window, inside a dial block when one is
 * available), moved a little into the slot and rounded so it sounds natural
 * ("8:15", "2:40"). Null when no further attempt can be planned (cadence
 * over, no legal slot): the script then promises nothing.
 */
export function choosePromiseTime(input: PromiseInput): number | null {
  const { leadId, zones, now, ctx } = input;
  const afterVoicemail = foldAttempt(
    input.state,
    { id: 'promise-probe', leadId, outcome: 'voicemail', startedAt: new Date(now).toISOString(), promisedFor: null },
    zones,
    ctx.schedule,
  );
  const plan = planNextAttempt({ ...afterVoicemail, promise: null }, zones, now, ctx, leadId);
  if (!plan) return null;
  const zone = zones.zones[0];
  const rounding = ctx.schedule.promiseRoundingMinutes;
  const candidates = [
    roundUpLocal(plan.at + ctx.schedule.promiseLeadInMinutes * MINUTE_MS, zone, rounding),
    roundUpLocal(plan.at, zone, rounding),
  ];
  for (const candidate of candidates) {
    if (!isAllowedAt({ leadId, zones, recentCalls: afterVoicemail.recentAttemptsAt }, ctx.rep, ctx.schedule, candidate)) continue;
    if (plan.inBlock && !inAnyBlock(ctx, candidate)) continue;
    return candidate;
  }
  return plan.at;
}

/** Rounds up to a multiple of `step` minutes of the zone's local clock (zones at :30 or :45 offsets included). */
function roundUpLocal(ms: number, zone: string, step: number): number {
  const whole = Math.ceil(ms / MINUTE_MS) * MINUTE_MS;
  const remainder = localMinuteOfDay(zone, whole) % step;
  return remainder === 0 ? whole : whole + (step - remainder) * MINUTE_MS;
}

function inAnyBlock(ctx: PlanningContext, ms: number): boolean {
  const blocks = ctx.blocks ?? expandDialBlocks(ctx.schedule.dialBlocks, ctx.rep, ms - 86_400_000, ms + 86_400_000);
  return blockAt(blocks, ms) !== null;
}

/** The same tally from lead states already folded (the store keeps them current): no history scan. */
export function tallyPromiseStates(states: Iterable<LeadRotationState>, now: number, schedule: ScheduleSettings): PromiseTally {
  const tally: PromiseTally = { kept: 0, broken: 0, open: 0 };
  for (const state of states) {
    const standing = promiseStatus(state, now, schedule);
    tally.kept += state.promisesKept;
    tally.broken += state.promisesBroken + (standing === 'broken' ? 1 : 0);
    tally.open += standing === 'open' ? 1 : 0;
  }
  return tally;
}

/** Whether the lead's standing promise is still open or already broken at `now` (null without one). */
export function promiseStatus(
  state: Pick<LeadRotationState, 'promise'>,
  now: number,
  schedule: ScheduleSettings,
): 'open' | 'broken' | null {
  if (!state.promise) return null;
  return now > state.promise.at + schedule.promiseToleranceMinutes * MINUTE_MS ? 'broken' : 'open';
}
