import type { LeadScheduleView } from '../../shared/contract/index.js';
import type { LeadStatus, LeadZoneSource } from '../../shared/schedule.js';

export const STATUS_LABELS: Record<LeadStatus, string> = {
  active: 'Being worked',
  reached: 'Reached',
  'bad-number': 'Bad number',
  closed: 'Closed after the last voicemail (reopens when they call back)',
  'do-not-call': 'Do not call',
};

export const ZONE_SOURCE_LABELS: Record<LeadZoneSource, string> = {
  import: 'from the import',
  phone: 'from the phone number',
  default: 'your zone (nothing better known)',
};

export const PROMISE_LABELS: Record<NonNullable<LeadScheduleView['promise']>['status'], string> = {
  open: 'Open',
  kept: 'Kept',
  broken: 'Broken',
};
