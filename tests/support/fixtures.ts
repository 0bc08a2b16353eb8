import { randomUUID } from 'node:crypto';
import type { Attempt, Lead, Outcome } from '../../shared/domain.js';

export function makeLead(overrides: Partial<Lead> = {}): Lead {
  const now = '2026-11-01T12:00:00.000Z';
  return {
    id: randomUUID(),
    firstName: 'Dana',
    lastName: 'Whitfield',
    company: 'Harbor Logistics',
    email: '',
    phone: `+1212555${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`,
    extension: '',
    otherPhones: [],
    timeZone: null,
    timeZoneInput: '',
    zones: null,
    referrer: '',
    reason: '',
    notes: '',
    doNotCall: false,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

export function makeAttempt(leadId: string, outcome: Outcome, at: string, overrides: Partial<Attempt> = {}): Attempt {
  return {
    id: randomUUID(),
    leadId,
    outcome,
    startedAt: at,
    recordedAt: at,
    endedAt: null,
    source: 'manual',
    note: '',
    sipStatus: null,
    scriptId: null,
    scriptVersion: null,
    promisedFor: null,
    ...overrides,
  };
}
