import type { CallView, RegistrationState } from '../../shared/sip.js';

/** A call and a registration as the core reports them, with only what a test cares about changed. */
export const call = (patch: Partial<CallView>): CallView => ({
  id: 'c1',
  direction: 'outbound',
  status: 'dialing',
  number: '+15550100',
  remoteUri: 'sip:15550100@pbx',
  displayName: '',
  leadId: null,
  startedAt: '2025-03-04T14:00:00.000Z',
  answeredAt: null,
  endedAt: null,
  endReason: null,
  sipStatus: null,
  outcome: null,
  muted: false,
  held: false,
  ...patch,
});

export const registration = (patch: Partial<RegistrationState>): RegistrationState => ({
  status: 'idle',
  reason: null,
  offlineSince: null,
  nextRetryAt: null,
  registeredAt: null,
  aor: null,
  ...patch,
});
