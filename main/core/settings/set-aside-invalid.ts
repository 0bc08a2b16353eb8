import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import type { z } from 'zod';

/**
 * For a settings-like JSON file a library (conf, electron-store) opens: checks
 * it against `schema` before the library reads it. A file that is not JSON,
 * or not of the schema's shape (say, a ring timeout under 15 s written into
 * it by hand), is renamed beside itself, never overwritten, and the notice
 * returned says where it went; the library then starts from its defaults.
 * Null when the file is missing or fine.
 */
export function setAsideIfInvalid(path: string, schema: z.ZodType, now: Date): string | null {
  if (!existsSync(path)) return null;
  let reason: string;
  try {
    const checked = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (checked.success) return null;
    reason = checked.error.issues
      .slice(0, 3)
      .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
      .join('; ');
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  const kept = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  // Not fsynced: were the rename lost, the next start would find the same file and set it aside again.
  renameSync(path, kept);
  return `${basename(path)} could not be used (${reason}); it was kept as ${kept} and defaults are in use.`;
}
