/**
 * The dial gate: whether a number may be called at an instant, decided by the
 * number, never by what the caller claims. The app's dial, a dial block's
 * next call (both through place-call.ts) and `cli check` all ask it.
 *
 * It coordinates areas below it: the store (who owns a number, opt-outs), the
 * do-not-call list, the schedule's window rule, and the number's own zones.
 */
import type { NumberCheck } from '../../../shared/contract/index.js';
import type { Lead } from '../../../shared/domain.js';
import type { LegalVerdict } from '../../../shared/compliance.js';
import type { LeadZones } from '../../../shared/schedule.js';
import { leadName } from '../../../shared/lead-name.js';
import { verdictText } from '../compliance/legal-calendar.js';
import { NO_ZONES, resolveLeadZones } from '../compliance/resolve-lead-zones.js';
import { dialVerdict, localTimes, type DialVerdict } from '../schedule/calling-window.js';
import { refusedAsDoNotCall } from '../schedule/check-dial.js';
import type { DoNotCallStore } from '../schedule/do-not-call-store.js';
import { doNotCallReason, listedReason, optOutOf } from '../schedule/do-not-call.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { LeadStore } from '../store/lead-store.js';
import { isoWithOffset } from '../timezones/zone-clock.js';
import { testCallTarget, type TestCallAccount } from './test-call-target.js';
import { ruleSetsFor } from '../compliance/legal-calendar.js';
import type { PracticeWindowExemption } from '../practice/window-exemption.js';

export interface DialGateDeps {
  store(): LeadStore;
  settings: SettingsStore;
  doNotCall: DoNotCallStore;
  now(): Date;
  /** The SIP account's address and dial plan, for test calls to the rep's own lines; null without one. */
  account?(): TestCallAccount | null;
  /**
   * Practice only: the practice line's exemption from the window (hours, days, caps' timing), never from
   * do-not-call. Made only from a practice line, and placeCall dials an exempt gate's numbers only on that line.
   */
  windowExemption?: PracticeWindowExemption;
}

export interface DialGate {
  /** The one do-not-call answer for a lead (opted out, marked, or its number listed); null when it may be called. */
  doNotCallReason(lead: Lead): string | null;
  /** Whether the lead may be dialled on its main phone at `at` (the lead screen's verdict). */
  checkLead(lead: Lead, at: number): DialVerdict;
  /**
   * Whether `number` may be dialled at `at`. `leadId` is what the caller claims;
   * the verdict names the lead that really owns the number (the attempt lands there)
   * and refuses a claim the number does not belong to.
   */
  checkNumber(number: string, options?: { leadId?: string | null; at?: number }): Promise<NumberCheck>;
  /**
   * Whether `uri` is a line of the rep's own PBX (an echo test, their own extension), which rings
   * no lead and so has no window: null when it is, else why not.
   */
  checkOwnLine(uri: string): string | null;
  /** Set on the practice folder's gate only: the line its window-exempt calls must go through. */
  readonly windowExemption: PracticeWindowExemption | null;
}

/** What a window refusal means on the practice line: the call goes ahead, the rule still shows. */
function inRealLife(refusal: DialVerdict & { allowed: false }): DialVerdict {
  const place = refusal.legal.allowed ? null : refusal.legal.jurisdiction;
  const name = place ? ruleSetsFor([place])[0]?.name ?? null : null;
  const lead = name ? `Outside ${name}'s hours in real life` : 'Outside the hours in real life';
  return { allowed: true, realLife: `${lead}: ${refusal.reason}. Practice calls ring no phone, so this one goes ahead.`, legal: refusal.legal };
}

const nameOf = (lead: Lead) => leadName(lead) || lead.company || lead.id;

export function createDialGate(deps: DialGateDeps): DialGate {
  const doNotCallOf = (lead: Lead): string | null => {
    const store = deps.store();
    const optOut = optOutOf(store.rotationOf(lead.id), store.summaryOf(lead.id).optedOut);
    return doNotCallReason(lead, optOut, deps.doNotCall.list, deps.settings.get().repTimeZone);
  };

  /** The one verdict (law, the rep's windows and hours) for one lead, or a number of no lead, in one set of zones. */
  const windowCheck = (lead: Pick<Lead, 'id'>, zones: LeadZones, at: number): DialVerdict => {
    const settings = deps.settings.get();
    const recentCalls = lead.id ? deps.store().rotationOf(lead.id)?.recentAttemptsAt : undefined;
    const verdict = dialVerdict({ leadId: (lead.id || null) as Lead['id'] | null, zones, recentCalls }, settings, settings.schedule, at);
    // A lead with no known zone is refused even in practice: that is a data problem, not the hour.
    if (!verdict.allowed && deps.windowExemption && zones.zones.length > 0) return inRealLife(verdict);
    return verdict;
  };

  const checkLead = (lead: Lead, at: number): DialVerdict => {
    const zones = lead.zones ?? NO_ZONES;
    const blocked = deps.doNotCall.blockedReason ?? doNotCallOf(lead);
    if (blocked !== null) return refusedAsDoNotCall(zones, blocked);
    return windowCheck(lead, zones, at);
  };

  /** Where the number itself may ring: its own zones and places, as for a lead with no other data. */
  const zonesOfNumber = (number: string): Promise<LeadZones> =>
    resolveLeadZones({ phone: number, timeZone: null, timeZoneInput: '' }, { defaultCountry: deps.settings.get().defaultCountry });

  const checkNumber: DialGate['checkNumber'] = async (number, options = {}) => {
    const at = options.at ?? deps.now().getTime();
    const store = deps.store();
    const owners = store.leadsWithNumber(number);
    const claimed = options.leadId ?? null;
    const lead = claimed === null ? (owners[0] ?? null) : (owners.find((o) => o.id === claimed) ?? null);
    const numberZones = await zonesOfNumber(number);
    // The zones shown: the lead's when it has them, else the number's.
    const shownZones = (lead?.zones?.zones.length ? lead.zones.zones : numberZones.zones);
    const shownPlaces = lead?.zones?.places?.length ? lead.zones.places : (numberZones.places ?? []);
    const checks: Array<{ lead: Pick<Lead, 'id'>; zones: LeadZones }> = owners.map((o) => ({ lead: o, zones: o.zones ?? NO_ZONES }));
    // The window in every zone and place that applies: each owner's, and the number's own when it is not that lead's
    // main phone (a mobile in another area code rings where it is) or belongs to no lead.
    if (owners.length === 0 || owners.some((o) => o.phone !== number)) checks.push({ lead: lead ?? { id: '' }, zones: numberZones });
    const verdicts = checks.map((check) => windowCheck(check.lead, check.zones, at));
    // The law alone (hours, days, holidays, caps, do-not-call), whatever the rep's own hours say.
    let legal: LegalVerdict = verdicts.find((v) => !v.legal.allowed)?.legal ?? verdicts[0].legal;
    const verdict = (allowed: boolean, reason: string): NumberCheck => ({
      allowed,
      reason,
      legal,
      number,
      leadId: lead?.id ?? null,
      owners: owners.map((o) => ({ id: o.id, name: nameOf(o) })),
      zones: shownZones,
      localTime: shownZones.length > 0 ? isoWithOffset(shownZones[0], at) : null,
    });
    const refuse = (reason: string) => verdict(false, reason);
    const refuseDoNotCall = (reason: string) => {
      legal = refusedAsDoNotCall({ ...numberZones, places: shownPlaces }, reason).legal;
      return refuse(reason);
    };

    if (claimed !== null && lead === null) {
      const claimedLead = store.getLead(claimed);
      const whose = owners.length > 0 ? `it belongs to ${owners.map(nameOf).join(', ')}` : 'it belongs to no lead';
      return refuse(
        claimedLead
          ? `${number} is not a number of ${nameOf(claimedLead)}; ${whose}`
          : `There is no lead with id ${claimed}; ${number}: ${whose}`,
      );
    }
    const blocked = deps.doNotCall.blockedReason;
    if (blocked !== null) return refuseDoNotCall(blocked);
    if (deps.doNotCall.list.has(number)) return refuseDoNotCall(listedReason(deps.doNotCall.list, number));
    // Every lead that has the number: an opt-out of any of them keeps the phone from ringing.
    for (const owner of owners) {
      const reason = doNotCallOf(owner);
      if (reason !== null) return refuseDoNotCall(owners.length > 1 || owner !== lead ? `${reason} (${nameOf(owner)})` : reason);
    }
    if (owners.length === 0 && numberZones.zones.length === 0) {
      return refuse(`No time zone can be found for ${number}, which belongs to no lead; it cannot be called`);
    }
    const refused = verdicts.find((v) => !v.allowed);
    if (refused && !refused.allowed) return refuse(refused.reason);
    const realLife = verdicts.find((v) => v.allowed && v.realLife);
    if (realLife?.allowed && realLife.realLife) return verdict(true, `Practice: ${realLife.realLife}${lead ? `; ${number} belongs to ${nameOf(lead)}` : ''}`);

    const zones = [...new Set(checks.flatMap((c) => c.zones.zones))];
    const whose = lead ? `; ${number} belongs to ${nameOf(lead)}` : `; ${number} belongs to no lead`;
    return verdict(true, `Allowed: ${verdictText(legal)}; ${localTimes(zones, at)}${whose}`);
  };

  const checkOwnLine = (uri: string): string | null => {
    const target = testCallTarget(uri, deps.settings.get().defaultCountry, deps.account?.() ?? null);
    if (target.kind === 'refused') return target.reason;
    if (target.kind === 'number') return `${uri} rings the phone number ${target.number}: it is checked as a number, not as your own line`;
    return null;
  };

  return { doNotCallReason: doNotCallOf, checkLead, checkNumber, checkOwnLine, windowExemption: deps.windowExemption ?? null };
}
