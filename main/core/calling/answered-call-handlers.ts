import type { callingCalls } from '../../../shared/contract/calling.js';
import { leadName } from '../../../shared/lead-name.js';
import type { HandlersFor } from '../api/dispatch.js';
import type { LeadStore } from '../store/lead-store.js';
import type { AnsweredCalls } from './answered-calls.js';

/** `settleCall` and `listOpenCalls`: an answered call's one attempt, written when someone says what it was. */
export function answeredCallHandlers(answered: AnsweredCalls, store: () => LeadStore): HandlersFor<typeof callingCalls> {
  return {
    settleCall: ({ id, outcome, ...details }) => answered.settle(id, outcome, details),
    listOpenCalls: () =>
      answered.list().map((c) => {
        const lead = store().getLead(c.leadId);
        return { callId: c.callId, attemptId: c.attemptId, leadId: c.leadId, leadName: lead ? leadName(lead) || lead.company : '', startedAt: c.startedAt, endedAt: c.endedAt };
      }),
  };
}
