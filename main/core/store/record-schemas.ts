import { z } from 'zod';
import { OUTCOMES, type Attempt, type InboundCall, type Lead } from '../../../shared/domain.js';
import type { LeadZones } from '../../../shared/schedule.js';

/**
 * The shapes of the records the store reads back from disk. Every record is
 * checked as it is read: a file that is valid JSON but holds the wrong
 * fields (or a `null` line) is reported as damaged with the file and line,
 * instead of crashing the store with a TypeError on every start.
 *
 * Objects are not `.strict()`: a field added by a later version of the same
 * data version is carried along, not refused.
 */
const iso = z.string().min(1);

const leadZonesSchema = z.object({
  zones: z.array(z.string()),
  ambiguous: z.boolean(),
  source: z.enum(['import', 'phone', 'default']),
  country: z.string().nullable(),
}) satisfies z.ZodType<LeadZones>;

export const leadRecordSchema = z.object({
  id: z.string().min(1),
  firstName: z.string(),
  lastName: z.string(),
  company: z.string(),
  email: z.string(),
  phone: z.string().min(1),
  extension: z.string(),
  otherPhones: z.array(z.string()),
  timeZone: z.string().nullable(),
  timeZoneInput: z.string(),
  zones: leadZonesSchema.nullable(),
  referrer: z.string(),
  reason: z.string(),
  notes: z.string(),
  doNotCall: z.boolean(),
  createdAt: iso,
  updatedAt: iso,
}) satisfies z.ZodType<Lead>;

export const attemptRecordSchema = z.object({
  id: z.string().min(1),
  leadId: z.string().min(1),
  outcome: z.enum(OUTCOMES),
  startedAt: iso,
  recordedAt: z.string().regex(/^\d{4}-\d{2}/),
  endedAt: iso.nullable(),
  source: z.enum(['manual', 'call']),
  note: z.string(),
  sipStatus: z.number().nullable(),
  scriptId: z.string().nullable(),
  scriptVersion: z.number().nullable(),
  promisedFor: iso.nullable(),
}) satisfies z.ZodType<Attempt>;

export const inboundRecordSchema = z.object({
  id: z.string().min(1),
  from: z.string(),
  displayName: z.string(),
  receivedAt: z.string().regex(/^\d{4}-\d{2}/),
  leadId: z.string().nullable(),
  response: z.enum(['rang', 'accepted', 'declined', 'missed', 'busy-486', 'unavailable-480', 'diverted-302']),
  reason: z.string(),
}) satisfies z.ZodType<InboundCall>;

/** "path.to.field: message" for the first few problems, for an error a person can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
