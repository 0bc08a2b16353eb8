import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { systemTimeZone } from '../../../../main/core/settings/settings-store.js';

const REPO = fileURLToPath(new URL('../../../..', import.meta.url));

/** DEFAULT_SETTINGS.repTimeZone as a fresh process sees it on a machine set to `tz`. */
function defaultZoneOn(tz: string): string {
  const script = "import('./main/core/settings/settings-store.ts').then((m) => console.log(m.DEFAULT_SETTINGS.repTimeZone))";
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: REPO, env: { ...process.env, TZ: tz }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout.trim();
}

describe('the rep time zone a new rep starts with', () => {
  it("is the system's zone, not UTC", () => {
    expect(defaultZoneOn('America/Denver')).toBe('America/Denver');
    expect(defaultZoneOn('Pacific/Chatham')).toBe('Pacific/Chatham');
    expect(defaultZoneOn('Australia/Lord_Howe')).toBe('Australia/Lord_Howe');
  });

  it('falls back to UTC only when the system names no known zone', () => {
    expect(systemTimeZone('Europe/Lisbon')).toBe('Europe/Lisbon');
    expect(systemTimeZone('Etc/Unknown')).toBe('UTC');
    expect(systemTimeZone(undefined)).toBe('UTC');
    expect(systemTimeZone('')).toBe('UTC');
    expect(systemTimeZone('Mars/Olympus_Mons')).toBe('UTC');
  });
});
