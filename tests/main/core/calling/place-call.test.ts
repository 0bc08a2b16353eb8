import { afterEach, describe, expect, it } from 'vitest';
import type { CallView } from '../../../../shared/sip.js';
import type { LeadId } from '../../../../shared/domain.js';
import { createDialGate } from '../../../../main/core/calling/dial-gate.js';
import { createPlaceCall } from '../../../../main/core/calling/place-call.js';
import { ApiFailure } from '../../../../main/core/api/api-failure.js';
import { DoNotCallStore } from '../../../../main/core/schedule/do-not-call-store.js';
import { createMemorySettings } from '../../../support/memory-stores.js';
import { LeadStore } from '../../../../main/core/store/lead-store.js';
import { makeLead } from '../../../support/fixtures.js';
import { LATE_REP } from '../../../support/core-fixture.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const NEW_YORK = { zones: ['America/New_York'], ambiguous: false, source: 'import' as const, country: 'US', places: ['US'] };

describe('placeCall', () => {
  const tempDir = useTempDirs();
  let store: LeadStore | null = null;
  afterEach(async () => {
    await store?.close();
    store = null;
  });

  async function setUp() {
    const dir = tempDir();
    store = await LeadStore.open(dir);
    const open = store;
    const ada = makeLead({ firstName: 'Ada', phone: '+12125550101', otherPhones: ['+12125550181'], zones: NEW_YORK });
    const bo = makeLead({ firstName: 'Bo', phone: '+12125550102', zones: NEW_YORK });
    await open.addLeads([ada, bo]);
    const now = new Date('2026-12-01T17:00:00Z');
    const doNotCall = await DoNotCallStore.open(dir, now);
    const account = { aor: 'sip:rep@pbx.example.com', dialPlan: 'sip:{e164}@pbx.example.com' };
    const gate = createDialGate({ store: () => open, settings: createMemorySettings(LATE_REP), doNotCall, now: () => now, account: () => account });
    const dialled: Array<{ number: string; leadId: LeadId | null; uri?: string }> = [];
    const placeCall = createPlaceCall({
      gate,
      now: () => now,
      sip: {
        dial: async (input) => {
          dialled.push(input);
          return { id: 'c1', number: input.number, leadId: input.leadId } as CallView;
        },
      },
    });
    return { ada, bo, placeCall, dialled, doNotCall };
  }

  it("books the call on the lead that owns the number, whichever of its numbers is dialled", async () => {
    const { ada, placeCall, dialled } = await setUp();
    await placeCall({ number: '+12125550181', leadId: null });
    await placeCall({ number: ada.phone, leadId: ada.id });
    expect(dialled).toEqual([
      { number: '+12125550181', leadId: ada.id },
      { number: ada.phone, leadId: ada.id },
    ]);
  });

  it('never reaches SIP when the gate refuses', async () => {
    const { ada, bo, placeCall, dialled, doNotCall } = await setUp();
    await expect(placeCall({ number: ada.phone, leadId: bo.id })).rejects.toThrow(ApiFailure);
    await doNotCall.add(['+12125550181'], 'list.csv');
    await expect(placeCall({ number: '+12125550181', leadId: ada.id })).rejects.toThrow(/on the imported do-not-call list/);
    expect(dialled).toEqual([]);
  });

  it("calls a line of the rep's own PBX as it is, with no lead; the gate refuses any other address", async () => {
    const { placeCall, dialled } = await setUp();
    await placeCall({ ownLine: 'sip:echo@pbx.example.com' });
    expect(dialled).toEqual([{ number: 'sip:echo@pbx.example.com', leadId: null, uri: 'sip:echo@pbx.example.com' }]);
    await expect(placeCall({ ownLine: 'sip:echo@evil.example.com' })).rejects.toThrow(/not on your phone account's domain/);
    // A phone number in a SIP address is a phone: it never passes as the rep's own line, so no window is skipped.
    await expect(placeCall({ ownLine: 'sip:+12125550181@pbx.example.com' })).rejects.toThrow(/checked as a number/);
    await expect(placeCall({ ownLine: 'sip:911@pbx.example.com' })).rejects.toThrow(/emergency number/);
    expect(dialled).toHaveLength(1);
  });
});
