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
  places: z.array(z.string()).optional(),
}) satisfies z.ZodType<LeadZones>;

export const leadRecordSchema = z.object({
  id: z.string().min(1),
  firstName: z.string(),
  lastName: z.string(),
  fullName: z.string().optional(),
  company: z.string(),
  email: z.string(),
  phone: z.string().min(1),
  extension: z.string(),
  otherPhones: z.array(z.string()),
  timeZone: z.string().nullable(),
  timeZoneInput: z.string(),
  zones: leadZonesSchema.nullable(),
  address: z.object({ state: z.string(), country: z.string() }).optional(),
  referrer: z.string(),
  reason: z.string(),
  notes: z.string(),
  doNotCall: z.boolean(),
  createdAt: iso,
  updatedAt: iso,
}) satisfies z.ZodType<Lead>;

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';
/** A for loop, not `every`: `every` skips the holes of a sparse array. */
function isStrings(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}
const ZONE_SOURCES: ReadonlySet<unknown> = new Set(['import', 'phone', 'default']);

function isLeadZones(v: unknown): boolean {
  if (v === null) return true;
  if (typeof v !== 'object' || Array.isArray(v)) return false;
  const z = v as Record<string, unknown>;
  return (
    isStrings(z.zones) && typeof z.ambiguous === 'boolean' && ZONE_SOURCES.has(z.source) && isStringOrNull(z.country) &&
    (z.places === undefined || isStrings(z.places))
  );
}

function isAddressOrAbsent(v: unknown): boolean {
  if (v === undefined) return true;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const a = v as Record<string, unknown>;
  return isString(a.state) && isString(a.country);
}

/**
 * A quick yes for a lead that certainly passes leadRecordSchema, checked by
 * hand: opening the store checks 100,000 leads, and zod takes ten times as
 * long for the same answer. It may only ever be stricter than the schema
 * (a property test holds it to that); anything it does not accept goes to
 * the schema, which decides and explains.
 */
export function isCertainlyLead(v: unknown): v is Lead {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const l = v as Record<string, unknown>;
  return (
    isString(l.id) && l.id.length > 0 && isString(l.phone) && l.phone.length > 0 &&
    isString(l.firstName) && isString(l.lastName) && isString(l.company) && isString(l.email) && isString(l.extension) &&
    isStrings(l.otherPhones) &&
    isStringOrNull(l.timeZone) && isString(l.timeZoneInput) && isLeadZones(l.zones) && isAddressOrAbsent(l.address) &&
    isString(l.referrer) && isString(l.reason) && isString(l.notes) && typeof l.doNotCall === 'boolean' &&
    isString(l.createdAt) && l.createdAt.length > 0 && isString(l.updatedAt) && l.updatedAt.length > 0
  );
}

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
  callId: z.string().min(1).optional(),
  permission: z.enum(['yes', 'no']).optional(),
  workAgainAt: iso.optional(),
  by: z.string().min(1).max(200).optional(),
}) satisfies z.ZodType<Attempt>;

export const inboundRecordSchema = z.object({
  id: z.string().min(1),
  from: z.string(),
  displayName: z.string(),
  receivedAt: z.string().regex(/^\d{4}-\d{2}/),
  leadId: z.string().nullable(),
  response: z.enum(['rang', 'accepted', 'declined', 'missed', 'busy-486', 'unavailable-480', 'diverted-302']),
  reason: z.string(),
  answering: z
    .object({ voicemailAttemptId: z.string().min(1), leftAt: iso, scriptId: z.string().nullable(), scriptVersion: z.number().nullable(), promisedFor: iso.nullable() })
    .nullable()
    .optional(),
}) satisfies z.ZodType<InboundCall>;

const OUTCOME_SET: ReadonlySet<unknown> = new Set(OUTCOMES);
const isNonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isNonEmptyOrNull = (v: unknown) => v === null || isNonEmpty(v);
const isFiniteOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
const MONTH_PREFIX = /^\d{4}-\d{2}/;

/**
 * The quick yes for an attempt, as isCertainlyLead is for a lead: a rebuild checks a million
 * attempts, and zod takes most of its time. Only ever stricter than attemptRecordSchema (a
 * property test holds it to that); what it does not accept goes to the schema.
 */
export function isCertainlyAttempt(v: unknown): v is Attempt {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const a = v as Record<string, unknown>;
  return (
    isNonEmpty(a.id) && isNonEmpty(a.leadId) && OUTCOME_SET.has(a.outcome) && isNonEmpty(a.startedAt) &&
    typeof a.recordedAt === 'string' && MONTH_PREFIX.test(a.recordedAt) && isNonEmptyOrNull(a.endedAt) &&
    (a.source === 'manual' || a.source === 'call') && typeof a.note === 'string' && isFiniteOrNull(a.sipStatus) &&
    (a.scriptId === null || typeof a.scriptId === 'string') && isFiniteOrNull(a.scriptVersion) && isNonEmptyOrNull(a.promisedFor) &&
    (a.callId === undefined || isNonEmpty(a.callId)) && (a.permission === undefined || a.permission === 'yes' || a.permission === 'no') &&
    (a.workAgainAt === undefined || isNonEmpty(a.workAgainAt)) &&
    (a.by === undefined || (isNonEmpty(a.by) && (a.by as string).length <= 200))
  );
}

// zod drops keys a schema does not name: a field added to Attempt or InboundCall but not here would
// be lost on the next read. These fail to compile until every field is named above.
type Unnamed<T, S extends z.ZodType> = Exclude<keyof T, keyof z.infer<S>>;
const everyAttemptField: [Unnamed<Attempt, typeof attemptRecordSchema>] extends [never] ? true : false = true;
const everyInboundField: [Unnamed<InboundCall, typeof inboundRecordSchema>] extends [never] ? true : false = true;
void everyAttemptField;
void everyInboundField;
const everyLeadField: [Unnamed<Lead, typeof leadRecordSchema>] extends [never] ? true : false = true;
void everyLeadField;

/** "path.to.field: message" for the first few problems, for an error a person can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
