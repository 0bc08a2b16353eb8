import { copyFileSync, readFileSync } from 'node:fs';
import type { z } from 'zod';

export interface SideFile<T> {
  value: T;
  /** Set when the file could not be read and was set aside; the app shows it to the rep. */
  notice: string | null;
}

/**
 * Reads a small side file the app keeps beside the store (a dial block in progress, open answered
 * calls, returns slots, call-backs made): JSON checked by its zod schema, the small-file pattern.
 * A missing file is the default; one that is not valid JSON or not of the schema's shape is
 * copied aside (`…damaged-<time>`), never lost, and the default is used with a notice saying
 * where it went. Never throws for a bad file.
 */
export function readSideFile<T>(path: string, schema: z.ZodType<T>, fallback: () => T, now: Date): SideFile<T> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { value: fallback(), notice: null };
    return { value: fallback(), notice: `${path} could not be read (${String(error)}); defaults are in use.` };
  }
  let reason: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return { value: parsed.data, notice: null };
    const issue = parsed.error.issues[0];
    reason = `${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'not of the expected shape'}`;
  } catch (error) {
    reason = `not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const kept = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  try {
    copyFileSync(path, kept);
  } catch (error) {
    return { value: fallback(), notice: `${path} is damaged (${reason}) and could not be set aside (${String(error)}); defaults are in use.` };
  }
  return { value: fallback(), notice: `${path} was damaged (${reason}); it was kept as ${kept} and defaults are in use.` };
}
