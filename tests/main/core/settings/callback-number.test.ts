import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../main/core/core.js';
import { createMemorySecrets, createMemorySettings } from '../../../support/memory-stores.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function core() {
  dir = mkdtempSync(join(tmpdir(), 'dialdesk-callback-'));
  const settings = createMemorySettings({ defaultCountry: 'US', repName: 'Dana', callbackNumber: '+1 512 555 0182' });
  return { settings, core: await createCore({ dataDir: dir, settings, secrets: createMemorySecrets() }) };
}

describe('the callback number, checked by libphonenumber when saved', () => {
  it('refuses a number no one could dial back, names the field, and changes nothing', async () => {
    const { core: app, settings } = await core();
    for (const bad of ['12345', '+1 512 555 01820', 'call me', '+999 123 4567', '555-0182', '+44 20 7946 095']) {
      const result = await app.dispatch('updateSettings', { callbackNumber: bad, repName: 'Changed' });
      expect(result.ok, bad).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.issues?.[0]?.path).toEqual(['callbackNumber']);
      expect(result.error.message).toMatch(/not a valid phone number/);
      // Nothing of the patch is kept: the rep's form still holds it.
      expect(settings.get().repName).toBe('Dana');
      expect(settings.get().callbackNumber).toBe('+1 512 555 0182');
    }
    await app.close?.();
  });

  it('keeps a valid number as typed, reads national numbers in the country saved with it, and lets the rep clear it', async () => {
    const { core: app, settings } = await core();
    expect((await app.dispatch('updateSettings', { callbackNumber: '(802) 555-0115' })).ok).toBe(true);
    expect(settings.get().callbackNumber).toBe('(802) 555-0115');
    // A UK national number is valid once the country saved with it is GB, not before.
    expect((await app.dispatch('updateSettings', { callbackNumber: '020 7946 0958' })).ok).toBe(false);
    expect((await app.dispatch('updateSettings', { callbackNumber: '020 7946 0958', defaultCountry: 'GB' })).ok).toBe(true);
    expect((await app.dispatch('updateSettings', { callbackNumber: '' })).ok).toBe(true);
    expect(settings.get().callbackNumber).toBe('');
    await app.close?.();
  });
});
