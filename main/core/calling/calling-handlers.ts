import type { doNotCallCalls } from '../../../shared/contract/index.js';
import type { sipCalls } from '../../../shared/contract/sip.js';
import { ApiFailure } from '../api/api-failure.js';
import type { HandlersFor } from '../api/dispatch.js';
import type { EventHub } from '../api/event-hub.js';
import { decodeText } from '../text/decode-text.js';
import { ConfirmationError, NotListedError, type DoNotCallStore } from '../schedule/do-not-call-store.js';
import { parseDoNotCallCsv } from '../schedule/do-not-call.js';
import type { SettingsStore } from '../settings/settings-store.js';
import { parsePhone } from '../timezones/phone-zones.js';
import type { DialGate } from './dial-gate.js';
import type { PlaceCall } from './place-call.js';
import { testCallTarget, type TestCallAccount } from './test-call-target.js';

export interface CallingHandlerDeps {
  gate: DialGate;
  placeCall: PlaceCall;
  doNotCall: DoNotCallStore;
  settings: SettingsStore;
  events: EventHub;
  log(message: string): void;
  /** The SIP account's address and dial plan (test calls to the rep's own lines); null without one. */
  account(): TestCallAccount | null;
}

type CallingCalls = typeof doNotCallCalls & Pick<typeof sipCalls, 'dial' | 'testCall'>;

/** The contract's dial (through the gate), the gate's verdict on a number, and the do-not-call list. */
export function callingHandlers(deps: CallingHandlerDeps): HandlersFor<CallingCalls> {
  const changed = () => {
    deps.events.emit({ type: 'leads.changed' });
    deps.events.emit({ type: 'doNotCall.changed' });
  };
  return {
    dial: (input) => deps.placeCall(input),

    testCall: ({ target }) => {
      const resolved = testCallTarget(target, deps.settings.get().defaultCountry, deps.account());
      if (resolved.kind === 'refused') throw new ApiFailure('invalid-input', resolved.reason, [{ path: ['target'], message: resolved.reason }]);
      return resolved.kind === 'number' ? deps.placeCall({ number: resolved.number, leadId: null }) : deps.placeCall({ ownLine: resolved.uri });
    },

    checkNumber: ({ number, leadId, at }) => deps.gate.checkNumber(number, { leadId, at: at === undefined ? undefined : Date.parse(at) }),

    listDoNotCall: ({ query, offset, limit }) => deps.doNotCall.page(query, offset, limit),

    importDoNotCall: async ({ fileName, contentBase64 }) => {
      const bytes = Buffer.from(contentBase64, 'base64');
      if (bytes.length === 0) throw new ApiFailure('invalid-input', `${fileName} is empty.`);
      const parsed = parseDoNotCallCsv(decodeText(bytes).text, deps.settings.get().defaultCountry);
      if (parsed.numbers.length === 0 && parsed.rejected.length === 0) {
        throw new ApiFailure('invalid-input', `${fileName} holds no phone numbers.`);
      }
      const added = await deps.doNotCall.add(parsed.numbers, fileName);
      changed();
      return { total: parsed.numbers.length, added, rejected: parsed.rejected.map(({ row, value, reason }) => ({ row, reason: `${value}: ${reason}` })) };
    },

    removeDoNotCall: async ({ number, confirm }) => {
      try {
        // The rep may type it as written locally: "(702) 555-0111" confirms +17025550111.
        const typed = parsePhone(confirm, deps.settings.get().defaultCountry)?.number ?? confirm;
        const entry = await deps.doNotCall.remove(number, typed);
        deps.log(`do-not-call: ${number} removed by the rep (it came from ${entry.source})`);
      } catch (error) {
        if (error instanceof ConfirmationError) throw new ApiFailure('invalid-input', error.message);
        if (error instanceof NotListedError) throw new ApiFailure('not-found', error.message);
        throw error;
      }
      changed();
      return deps.doNotCall.page('', 0, 100);
    },

    acknowledgeDoNotCallDamage: async () => {
      const damage = deps.doNotCall.damage;
      await deps.doNotCall.acknowledgeDamage();
      if (damage) deps.log(`do-not-call: the rep acknowledged the damaged list (${damage.numbersOnIt} numbers in ${damage.keptAs})`);
      changed();
      return null;
    },
  };
}
