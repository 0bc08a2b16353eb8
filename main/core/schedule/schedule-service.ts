import { clockText } from '../../../shared/clock-text.js';
import type { LeadScheduleView, PreparedVoicemail, PromiseReminderView } from '../../../shared/contract/index.js';
import type { PlannedAttempt } from '../../../shared/schedule.js';
import type { Lead } from '../../../shared/domain.js';
import type { Band, BandStats, LeadZones } from '../../../shared/schedule.js';
import type { DialVerdict } from './calling-window.js';
import { explainNothingDue, type NothingDue } from './nothing-due.js';
import { buildScriptValues } from '../scripts/script-values.js';
import { pickScript, voicemailStage } from '../scripts/pick-script.js';
import type { ScriptLibrary } from '../scripts/script-library.js';
import { missingValueWarnings, renderTemplate, speaksVariable } from '../scripts/template.js';
import { restartCadence } from '../rotation/rotation-state.js';
import type { AttemptContext, ScriptRead } from '../store/build-attempt.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { LeadStore } from '../store/lead-store.js';
import { phraseAttemptTime, phraseDay, phraseRelative } from '../timezones/phrase-time.js';
import { createPlanningContext, isWorkable, planAll, planNextAttempt, type LeadPlanInput, type PlanningContext } from './planner.js';
import { bandChancesToday } from './answer-model.js';
import { choosePromiseTime, promiseStatus } from './promises.js';
import { leadName } from '../../../shared/lead-name.js';
import { NO_ZONES } from '../compliance/resolve-lead-zones.js';
import { isoWithOffset, localMinuteOfDay } from '../timezones/zone-clock.js';

export interface ScheduleServiceDeps {
  store(): LeadStore;
  settings: SettingsStore;
  scripts: ScriptLibrary;
  /** The dial gate's two answers about a lead (main/core/calling/dial-gate.ts): the one do-not-call rule and the full check. */
  gate: {
    doNotCallReason(lead: Lead): string | null;
    checkLead(lead: Lead, at: number): DialVerdict;
  };
  now(): Date;
  /** In team mode (main/core/team/team-planning.ts): what the team learned, and the leads another rep holds. */
  team?: () => TeamPlanning | null;
}

/** What a team adds to the rep's planning. */
export interface TeamPlanning {
  /** The population model's statistics: the rep's own plus the team's answers by zone, band and weekday. */
  bandStats(own: BandStats, bands: Band[]): BandStats;
  /** Another rep holds the lead in the team's pool: it is not planned here meanwhile (one lead, one rep a day). */
  heldByOthers(lead: Lead): boolean;
}

/**
 * Joins the pure scheduler (calling windows, rotation, promises, scripts) to
 * the rep's data: the store's folded rotation states and band statistics,
 * the settings, the script library and the dial gate's verdicts.
 */
export function createScheduleService(deps: ScheduleServiceDeps) {
  const context = (): PlanningContext => {
    const settings = deps.settings.get();
    const own = deps.store().bandStats;
    const team = deps.team?.();
    const bandStats = team ? team.bandStats(own, settings.schedule.bands) : own;
    return createPlanningContext({ rep: settings, schedule: settings.schedule, bandStats, strategy: 'learning' });
  };
  const heldByOthers = (lead: Lead): boolean => deps.team?.()?.heldByOthers(lead) ?? false;
  const zonesOf = (lead: Lead): LeadZones => lead.zones ?? NO_ZONES;
  const referenceZone = (lead: Lead) => zonesOf(lead).zones[0] ?? deps.settings.get().repTimeZone;

  const checkDial = (lead: Lead, now: number): DialVerdict => deps.gate.checkLead(lead, now);
  const isDoNotCall = (lead: Lead): boolean => deps.gate.doNotCallReason(lead) !== null;

  /**
   * The state the planner works from. An opt-out voicemail closed the lead's cadence; the lead
   * calling back (its last voicemail returned) reopens it, as does the rep working it again.
   */
  const rotationOf = (lead: Lead) => {
    const state = deps.store().rotationOf(lead.id);
    if (state?.status !== 'closed') return state;
    const fold = deps.store().historyFold;
    return !fold.waitingFor || fold.waitingFor(lead.id) ? state : restartCadence(state);
  };

  /** The script the voicemail panel and the focus view show for this lead now. */
  const scriptShown = (lead: Lead): ScriptRead => {
    const stage = voicemailStage(rotationOf(lead), deps.settings.get().schedule);
    const script = pickScript(deps.scripts.activeFor(stage), stage, lead.id);
    return { scriptId: script?.id ?? null, scriptVersion: script?.version ?? null };
  };

  /** Whether a voicemail read from `script` speaks the next attempt's time. */
  const speaksPromise = (script: ScriptRead): boolean => {
    const found = script.scriptId === null ? undefined : deps.scripts.find(script.scriptId, script.scriptVersion);
    return found !== undefined && speaksVariable(found.template, 'next_attempt');
  };

  /** The promise to make in a voicemail left now (ISO), or null when no further attempt can be planned. */
  const promiseFor = (lead: Lead, now: number): string | null => {
    const at = choosePromiseTime({ leadId: lead.id, state: deps.store().rotationOf(lead.id), zones: zonesOf(lead), now, ctx: context() });
    return at === null ? null : new Date(at).toISOString();
  };

  return {
    checkDial,
    /** The one do-not-call rule, for the lead list and exports. */
    isDoNotCall,
    promiseFor,
    scriptShown,
    /** What an attempt on `lead` needs to know: the script shown, and the promise a voicemail pinned (only when its script spoke the time). */
    attemptContext(lead: Lead | undefined): AttemptContext {
      return {
        scriptShown: () => (lead ? scriptShown(lead) : { scriptId: null, scriptVersion: null }),
        spokenPromise: (script, at) => (lead && speaksPromise(script) ? promiseFor(lead, at) : null),
      };
    },

    /** The next attempt of every lead that may be called (not do-not-call, not opted out), earliest first. */
    planLeads(now: number, include: (lead: Lead) => boolean = () => true): PlannedAttempt[] {
      const store = deps.store();
      const inputs: LeadPlanInput[] = [];
      for (const lead of store.allLeads()) {
        const state = rotationOf(lead);
        if (!include(lead) || isDoNotCall(lead) || heldByOthers(lead)) continue;
        inputs.push({ leadId: lead.id, state, zones: zonesOf(lead) });
      }
      return planAll(inputs, now, context());
    },

    /**
     * Why no lead of a filter is due now, in figures, and when the next one is (`plans`: what planLeads gave for
     * the same filter). What a block says instead of an empty queue.
     */
    whyNothingDue(now: number, include: (lead: Lead) => boolean, plans: readonly PlannedAttempt[]): NothingDue {
      const store = deps.store();
      const schedule = deps.settings.get().schedule;
      const repZone = deps.settings.get().repTimeZone;
      // Leads in the same zones and places, with no calls a cap counts and no window of their own, share one verdict:
      // 100,000 leads in a few hundred such groups.
      const shared = new Map<string, DialVerdict>();
      const verdictOf = (lead: Lead, state: ReturnType<LeadStore['rotationOf']>): DialVerdict => {
        if (state?.recentAttemptsAt?.length || schedule.leadWindows[lead.id]) return checkDial(lead, now);
        const zones = zonesOf(lead);
        const key = `${zones.zones.join('|')}#${(zones.places ?? []).join('|')}#${zones.country ?? ''}`;
        let verdict = shared.get(key);
        if (!verdict) shared.set(key, (verdict = checkDial(lead, now)));
        return verdict;
      };
      const leads = [...store.allLeads()]
        .filter((lead) => include(lead) && !isDoNotCall(lead) && !heldByOthers(lead))
        .map((lead) => ({ lead, state: store.rotationOf(lead.id) }))
        .filter(({ state }) => !state || isWorkable(state, schedule, now) || state.promise !== null)
        .map((entry) => ({ ...entry, verdict: verdictOf(entry.lead, entry.state) }));
      const next = plans.reduce<number | null>((min, plan) => (min === null || plan.at < min ? plan.at : min), null);
      const phraseWhen = (at: number) =>
        `${phraseDay(at, repZone, now)} at ${clockText(localMinuteOfDay(repZone, at))} ${repZone} (${phraseRelative(at, now)})`;
      return explainNothingDue(leads, next, now, phraseWhen);
    },

    /**
     * Standing promises whose minute has come (an active lead, not do-not-call), earliest first:
     * what a running block takes into its queue ahead of the rest.
     */
    promisesDue(now: number): Array<{ leadId: string; at: number }> {
      const store = deps.store();
      const minute = Math.floor(now / 60_000);
      const due: Array<{ leadId: string; at: number }> = [];
      for (const lead of store.allLeads()) {
        const state = store.rotationOf(lead.id);
        if (!state?.promise || state.status !== 'active' || Math.floor(state.promise.at / 60_000) > minute) continue;
        if (isDoNotCall(lead) || heldByOthers(lead)) continue;
        due.push({ leadId: lead.id, at: state.promise.at });
      }
      return due.sort((a, b) => a.at - b.at || (a.leadId < b.leadId ? -1 : 1));
    },

    /** The first standing promise after `after` (epoch ms), or null: when the promise clock next wakes. */
    nextPromiseAt(after: number): number | null {
      const store = deps.store();
      let next: number | null = null;
      for (const lead of store.allLeads()) {
        const promise = store.rotationOf(lead.id)?.promise;
        if (promise && promise.at > after && (next === null || promise.at < next)) next = promise.at;
      }
      return next;
    },

    leadView(lead: Lead): LeadScheduleView {
      const now = deps.now().getTime();
      const settings = deps.settings.get();
      const state = rotationOf(lead);
      const zone = referenceZone(lead);
      const doNotCall = isDoNotCall(lead);
      const ctx = context();
      const plan = doNotCall || heldByOthers(lead) ? null : planNextAttempt(state, zonesOf(lead), now, ctx, lead.id);
      const chances = bandChancesToday(ctx.model, zonesOf(lead), state?.bandTries ?? [], state?.bandAnswers ?? [], now);
      const promise = state?.promise ?? null;
      return {
        zones: lead.zones,
        status: doNotCall ? 'do-not-call' : (state?.status ?? 'active'),
        dialCheck: checkDial(lead, now),
        next: plan && {
          at: isoWithOffset(zone, plan.at),
          phrase: phraseAttemptTime(plan.at, zone, now),
          band: plan.band,
          promised: plan.promised,
        },
        promise: promise && {
          at: isoWithOffset(zone, promise.at),
          phrase: phraseAttemptTime(promise.at, zone, now),
          status: promiseStatus(state!, now, settings.schedule) ?? 'open',
        },
        cadenceAttempts: state?.cadenceAttempts ?? 0,
        maxAttempts: settings.schedule.maxAttempts,
        bands: settings.schedule.bands.map((band, i) => ({ ...band, tries: state?.bandTries[i] ?? 0, chance: chances?.[i] ?? null })),
      };
    },

    /**
     * Open promises due soon (or a few minutes overdue, within the tolerance). A dial block set in
     * Settings does not make a call by itself: only a running block does, and the notifier asks
     * for these only while none runs.
     */
    reminders(withinMinutes: number): PromiseReminderView[] {
      const now = deps.now().getTime();
      const settings = deps.settings.get();
      const store = deps.store();
      const from = now - settings.schedule.promiseToleranceMinutes * 60_000;
      const until = now + withinMinutes * 60_000;
      const due: PlannedAttempt[] = [];
      for (const lead of store.allLeads()) {
        const promise = store.rotationOf(lead.id)?.promise;
        if (!promise || promise.at < from || promise.at > until) continue;
        if (isDoNotCall(lead)) continue;
        due.push({ leadId: lead.id, at: promise.at, band: null, promised: true, inBlock: false, promiseConflict: null });
      }
      due.sort((a, b) => a.at - b.at || (a.leadId < b.leadId ? -1 : 1));
      return due.map(({ leadId, at }) => {
        const lead = store.getLead(leadId)!;
        const zone = referenceZone(lead);
        const relative = phraseRelative(at, now);
        return {
          leadId,
          name: leadName(lead) || lead.company,
          phone: lead.phone,
          at: isoWithOffset(zone, at),
          phrase: `${phraseAttemptTime(at, zone, now)} (${relative})`,
        };
      });
    },

    prepareVoicemail(lead: Lead): PreparedVoicemail {
      const now = deps.now().getTime();
      const settings = deps.settings.get();
      const state = rotationOf(lead);
      const stage = voicemailStage(state, settings.schedule);
      const script = pickScript(deps.scripts.activeFor(stage), stage, lead.id);
      // The time is promised only when the script says it.
      const speaks = script !== null && speaksVariable(script.template, 'next_attempt');
      const promisedFor = speaks ? promiseFor(lead, now) : null;
      const promisedAt = promisedFor === null ? null : Date.parse(promisedFor);
      const zone = referenceZone(lead);
      const warnings: string[] = [];
      if (!script) warnings.push(`No active ${stage} script: add one under Scripts.`);
      if (speaks && promisedAt === null) warnings.push('No further attempt can be planned, so the script promises none.');
      const deadline = answerDeadline(state, settings.schedule.cadenceDays, now);
      const rendered = script
        ? renderTemplate(script.template, buildScriptValues({ lead, settings, leadZone: zone, nextAttempt: promisedAt, deadline, now }))
        : { text: '', missing: [] };
      warnings.push(...missingValueWarnings(rendered.missing));
      return {
        stage,
        scriptId: script?.id ?? null,
        scriptVersion: script?.version ?? null,
        text: rendered.text,
        promisedFor,
        promisedPhrase: promisedAt === null ? '' : phraseAttemptTime(promisedAt, zone, now),
        warnings,
      };
    },
  };
}

export type ScheduleService = ReturnType<typeof createScheduleService>;

const DAY = 86_400_000;

/**
 * `{deadline}`: until when the rep waits for an answer to the opt-out message, after which the
 * lead's file is closed. The end of the lead's cadence, kept between two and six days away so it
 * is spoken as a weekday ("by Friday").
 */
export function answerDeadline(state: { cadenceStartedAt: number | null } | undefined, cadenceDays: number, now: number): number {
  const cadenceEnd = state?.cadenceStartedAt == null ? now + cadenceDays * DAY : state.cadenceStartedAt + cadenceDays * DAY;
  return Math.min(now + 6 * DAY, Math.max(now + 2 * DAY, cadenceEnd));
}
