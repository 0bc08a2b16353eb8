/**
 * The simulator's scenario file: who the leads are, when they answer, and
 * how much the rep can dial. Validated with zod; a bad file is refused with
 * the field and the reason (`answer.hourly: expected 24 numbers, got 23`).
 */
import { z } from 'zod';
import { isKnownZone } from '../timezones/zone-clock.js';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM (24-hour)');
const probability = z.number().min(0, 'must be at least 0').max(1, 'must be at most 1');
const NOT_A_ZONE = 'is not an IANA time zone';
const zoneName = z.string().refine(isKnownZone, NOT_A_ZONE);

export const scenarioSchema = z
  .object({
    name: z.string().min(1, 'must not be empty').max(200),
    leads: z.number().int('must be a whole number').min(1).max(200_000),
    days: z.number().int('must be a whole number').min(1).max(366),
    start: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a calendar date'),
    // Keys checked here, not by a key schema: a record's key schema reports only "Invalid key in record", never why.
    zones: z
      .record(z.string(), z.number().positive('a zone weight must be above 0'))
      .refine((zones) => Object.keys(zones).length > 0, 'needs at least one zone')
      .superRefine((zones, ctx) => {
        for (const zone of Object.keys(zones)) if (!isKnownZone(zone)) ctx.addIssue({ code: 'custom', path: [zone], message: NOT_A_ZONE });
      }),
    answer: z
      .object({
        hourly: z.array(probability).length(24, 'expected 24 numbers, one per local hour 0–23'),
        weekday: z.array(z.number().min(0, 'must be at least 0')).length(7, 'expected 7 numbers, Monday first'),
        personal: z
          .object({
            share: probability,
            windowsPerLead: z
              .tuple([z.number().int().min(1), z.number().int().min(1)])
              .refine(([a, b]) => a <= b, 'the first number must not exceed the second'),
            windowHours: z.number().int('must be a whole number of hours').min(1).max(13, 'a window fits 08:00–21:00 (13 hours)'),
            inside: z.number().min(0),
            outside: z.number().min(0),
          })
          .strict(),
        cap: z.number().gt(0, 'must be above 0').max(1, 'must be at most 1'),
      })
      .strict(),
    rep: z
      .object({
        zone: zoneName,
        workdays: z
          .array(z.number().int().min(1, 'ISO weekdays are 1 (Monday) … 7 (Sunday)').max(7, 'ISO weekdays are 1 (Monday) … 7 (Sunday)'))
          .min(1, 'the rep needs at least one workday'),
        start: clock,
        end: clock,
        dialsPerHour: z.number().int('must be a whole number').min(1).max(600),
      })
      .strict()
      .refine((rep) => rep.start < rep.end, { message: 'the rep’s hours must end after they start', path: ['end'] }),
    maxAttemptsPerLead: z.number().int('must be a whole number').min(1).max(100),
  })
  .strict();

export type Scenario = z.infer<typeof scenarioSchema>;

export class ScenarioError extends Error {}

/** Parses a scenario file's text; throws ScenarioError naming the field and the reason. */
export function parseScenario(text: string, source = 'scenario'): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(`${source} is not JSON: ${(error as Error).message}`);
  }
  const result = scenarioSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.length > 0 ? issue.path.join('.') : '(the file)'}: ${issue.message}`);
  throw new ScenarioError(`${source} is not a valid scenario:\n${lines.join('\n')}`);
}

/**
 * Whether when a lead is called changes its chance of answering: the hourly
 * curve or the weekdays differ inside the legal window, or some leads have
 * windows of their own. Where nothing does, learning has nothing to find
 * (and must do no harm); elsewhere it should find it.
 */
export function hasStructure(scenario: Scenario): boolean {
  const { hourly, weekday, personal } = scenario.answer;
  const legalHours = hourly.slice(8, 21);
  const varies = (list: readonly number[]) => list.some((x) => x !== list[0]);
  return varies(legalHours) || varies(weekday) || (personal.share > 0 && personal.inside !== personal.outside);
}
