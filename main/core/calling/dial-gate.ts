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
import type { DialCheck, LeadZones } from '../../../shared/schedule.js';
import { leadName } from '../../../shared/lead-name.js';
import { leadMinuteWindow } from '../schedule/calling-window.js';
import { checkDialAllowed, clockText } from '../schedule/check-dial.js';
import type { DoNotCallStore } from '../schedule/do-not-call-store.js';
import { doNotCallReason, optOutOf } from '../schedule/do-not-call.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { LeadStore } from '../store/lead-store.js';
import { zonesForPhone } from '../timezones/phone-zones.js';
import { NO_ZONES } from '../timezones/resolve-lead-zones.js';
import { isKnownZone, isoWithOffset, localMinuteOfDay } from '../timezones/zone-clock.js';
import { testCallTarget, type TestCallAccount } from './test-call-target.js';

export interface DialGateDeps {
  store(): LeadStore;
  settings: SettingsStore;
  doNotCall: DoNotCallStore;
  now(): Date;
  /** The SIP account's address and dial plan, for test calls to the rep's own lines; null without one. */
  account?(): TestCallAccount | null;
}

export interface DialGate {
  /** The one do-not-call answer for a lead (opted out, marked, or its number listed); null when it may be called. */
  doNotCallReason(lead: Lead): string | null;
  /** Whether the lead may be dialled on its main phone at `at` (the lead screen's verdict). */
  checkLead(lead: Lead, at: number): DialCheck;
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
}

const nameOf = (lead: Lead) => leadName(lead) || lead.company || lead.id;

export function createDialGate(deps: DialGateDeps): DialGate {
  const doNotCallOf = (lead: Lead): string | null => {
    const store = deps.store();
    const optOut = optOutOf(store.rotationOf(lead.id), store.summaryOf(lead.id).optedOut);
    return doNotCallReason(lead, optOut, deps.doNotCall.list, deps.settings.get().repTimeZone);
  };

  /** The window and the rep's hours for one lead (or a number of no lead) in one set of zones. */
  const windowCheck = (lead: Pick<Lead, 'id' | 'phone' | 'doNotCall'>, zones: LeadZones, at: number): DialCheck => {
    const settings = deps.settings.get();
    return checkDialAllowed({ lead, zones, rep: settings, schedule: settings.schedule, now: at });
  };

  const checkLead = (lead: Lead, at: number): DialCheck => {
    const blocked = deps.doNotCall.blockedReason ?? doNotCallOf(lead);
    if (blocked !== null) return { allowed: false, reason: blocked };
    return windowCheck(lead, lead.zones ?? NO_ZONES, at);
  };

  /** The number's own zones (libphonenumber's prefix data), without the placeholder "Etc/Unknown". */
  const zonesOfNumber = async (number: string): Promise<LeadZones> => {
    const found = await zonesForPhone(number, deps.settings.get().defaultCountry);
    const zones = found.zones.filter((zone) => zone.startsWith('Etc/') === false && isKnownZone(zone));
    return { zones, ambiguous: zones.length > 1, source: 'phone', country: found.country };
  };

  const checkNumber: DialGate['checkNumber'] = async (number, options = {}) => {
    const at = options.at ?? deps.now().getTime();
    const store = deps.store();
    const owners = store.leadsWithNumber(number);
    const claimed = options.leadId ?? null;
    const lead = claimed === null ? (owners[0] ?? null) : (owners.find((o) => o.id === claimed) ?? null);
    const numberZones = await zonesOfNumber(number);
    // The zones shown: the lead's when it has them, else the number's.
    const shownZones = (lead?.zones?.zones.length ? lead.zones.zones : numberZones.zones);
    const verdict = (allowed: boolean, reason: string): NumberCheck => ({
      allowed,
      reason,
      number,
      leadId: lead?.id ?? null,
      owners: owners.map((o) => ({ id: o.id, name: nameOf(o) })),
      zones: shownZones,
      localTime: shownZones.length > 0 ? isoWithOffset(shownZones[0], at) : null,
    });
    const refuse = (reason: string) => verdict(false, reason);

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
    if (blocked !== null) return refuse(blocked);
    if (deps.doNotCall.list.has(number)) return refuse(`Do not call: ${number} is on the imported do-not-call list`);
    // Every lead that has the number: an opt-out of any of them keeps the phone from ringing.
    for (const owner of owners) {
      const reason = doNotCallOf(owner);
      if (reason !== null) return refuse(owners.length > 1 || owner !== lead ? `${reason} (${nameOf(owner)})` : reason);
    }

    // The window in every zone that applies: each owner's, and the number's own when it is not that lead's main phone
    // (a mobile in another area code rings where it is) or belongs to no lead.
    const checks: Array<{ lead: Pick<Lead, 'id' | 'phone' | 'doNotCall'>; zones: LeadZones }> = owners.map((o) => ({
      lead: o,
      zones: o.zones ?? NO_ZONES,
    }));
    if (owners.length === 0 || owners.some((o) => o.phone !== number)) {
      if (numberZones.zones.length === 0) {
        return refuse(`No time zone can be found for ${number}${owners.length === 0 ? ', which belongs to no lead' : ''}; it cannot be called`);
      }
      checks.push({ lead: lead ?? { id: '', phone: number, doNotCall: false }, zones: numberZones });
    }
    for (const check of checks) {
      const result = windowCheck(check.lead, check.zones, at);
      if (!result.allowed) return refuse(result.reason);
    }

    const first = checks[0];
    const window = leadMinuteWindow(first.zones, (first.lead.id || null) as Lead['id'] | null, deps.settings.get().schedule)!;
    const times = [...new Set(checks.flatMap((c) => c.zones.zones))].map((zone) => `${clockText(localMinuteOfDay(zone, at))} in ${zone}`);
    const whose = lead ? `; ${number} belongs to ${nameOf(lead)}` : `; ${number} belongs to no lead`;
    return verdict(true, `Allowed: it is ${times.join(', ')}; calls are allowed ${clockText(window.start)}–${clockText(window.end)} local${whose}`);
  };

  const checkOwnLine = (uri: string): string | null => {
    const target = testCallTarget(uri, deps.settings.get().defaultCountry, deps.account?.() ?? null);
    if (target.kind === 'refused') return target.reason;
    if (target.kind === 'number') return `${uri} rings the phone number ${target.number}: it is checked as a number, not as your own line`;
    return null;
  };

  return { doNotCallReason: doNotCallOf, checkLead, checkNumber, checkOwnLine };
}
