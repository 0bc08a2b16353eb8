import { describe, expect, it } from 'vitest';
import { createDialGate } from '../../../../main/core/calling/dial-gate.js';
import { DoNotCallStore } from '../../../../main/core/schedule/do-not-call-store.js';
import { createScheduleService } from '../../../../main/core/schedule/schedule-service.js';
import { ScriptLibrary } from '../../../../main/core/scripts/script-library.js';
import { statsFoldFactory } from '../../../../main/core/stats/stats-fold.js';
import { LeadStore } from '../../../../main/core/store/lead-store.js';
import { makeLead } from '../../../support/fixtures.js';
import { createMemorySettings } from '../../../support/memory-stores.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const FLORIDA = { zones: ['America/New_York'], ambiguous: false, source: 'phone' as const, country: 'US', places: ['US-FL'] };
const PARIS = { zones: ['Europe/Paris'], ambiguous: false, source: 'phone' as const, country: 'FR', places: ['FR'] };
const CHICAGO = { zones: ['America/Chicago'], ambiguous: false, source: 'phone' as const, country: 'US', places: ['US-IL'] };

describe('why nothing is due', () => {
  const tempDir = useTempDirs();

  it('says, in figures, which leads the law holds back, which the rep\'s hours do, and when the next one is due', async () => {
    const dir = tempDir();
    // Wednesday 13 January 2027, 20:30 in New York: Florida has closed; 2:30 in Paris; 19:30 in Chicago.
    const now = new Date('2027-01-14T01:30:00Z');
    const settings = createMemorySettings({
      repTimeZone: 'America/Chicago',
      workingHours: { start: '08:00', end: '19:00', days: [1, 2, 3, 4, 5] },
    });
    const store = await LeadStore.open(dir, { repTimeZone: () => 'America/Chicago', historyFold: statsFoldFactory(() => 'America/Chicago'), schedule: () => settings.get().schedule });
    await store.addLeads([
      makeLead({ firstName: 'Fay', phone: '+13055550101', zones: FLORIDA }),
      makeLead({ firstName: 'Flo', phone: '+13055550102', zones: FLORIDA }),
      makeLead({ firstName: 'Pia', phone: '+33155550101', zones: PARIS }),
      makeLead({ firstName: 'Cal', phone: '+13125550101', zones: CHICAGO }),
    ]);
    const scripts = await ScriptLibrary.open(dir, now);
    const doNotCall = await DoNotCallStore.open(dir, now, () => now);
    const gate = createDialGate({ store: () => store, settings, doNotCall, now: () => now });
    const schedule = createScheduleService({ store: () => store, settings, scripts, gate, now: () => now });
    try {
      const include = () => true;
      const plans = schedule.planLeads(now.getTime(), include);
      const why = schedule.whyNothingDue(now.getTime(), include, plans);
      expect(why).toMatchObject({ outsideLegalHours: { 'US-FL': 2, FR: 1 }, outsideWorkingHours: 1, capped: 0, promisedLater: 0 });
      expect(why.text).toMatch(/^No leads are due now for this filter\. 1 lead outside your working hours or windows; 3 leads outside their legal calling hours \(2 Florida, 1 France\)\. The next lead is due tomorrow at \d+:\d\d America\/Chicago \(in \d+ hours?\)\.$/);
      // The next due lead is the first plan, and it is one the gate allows.
      expect(why.nextDueAt).toBe(Math.min(...plans.map((p) => p.at)));
      const first = plans.find((p) => p.at === why.nextDueAt)!;
      expect(gate.checkLead(store.getLead(first.leadId)!, first.at).allowed).toBe(true);
    } finally {
      await store.close();
    }
  });
});
