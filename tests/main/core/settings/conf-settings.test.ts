import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfSettings } from '../../../../main/core/settings/conf-settings.js';
import { DEFAULT_SETTINGS } from '../../../../main/core/settings/settings-store.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createConfSettings', () => {
  it('answers the defaults for a new folder, keeps a patch in settings.json, and reads it back after reopening', () => {
    dir = mkdtempSync(join(tmpdir(), 'dialdesk-settings-'));
    const settings = createConfSettings(dir);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);

    const updated = settings.update({ repName: 'Dana', defaultCountry: 'CA' });
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, repName: 'Dana', defaultCountry: 'CA' });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ repName: 'Dana', defaultCountry: 'CA' });

    const reopened = createConfSettings(dir);
    expect(reopened.get()).toEqual(updated);
    expect(reopened.update({ repCompany: 'Acme' })).toEqual({ ...updated, repCompany: 'Acme' });
  });
});
