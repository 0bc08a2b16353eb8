import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as electron from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeElectron } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).createFakeElectron());

const { createSafeStorageSecrets, SecretsUnavailableError } = await import('../../../main/electron/safe-storage-secrets.js');
const fake = electron as unknown as FakeElectron;

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dialdesk-secrets-'));
  file = join(dir, 'profile', 'secrets.bin');
  fake.safeStorage.encryptionAvailable = true;
  fake.safeStorage.backend = 'gnome_libsecret';
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('safeStorage secrets', () => {
  it('round-trips a secret through an encrypted file with mode 0600', () => {
    const secrets = createSafeStorageSecrets(file);
    expect(secrets.available).toBe(true);
    secrets.set('sip.password', 'hunter2-secret');

    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('hunter2-secret');
    const stored = JSON.parse(text) as Record<string, string>;
    expect(Object.keys(stored)).toEqual(['sip.password']);
    expect(fake.safeStorage.decryptString(Buffer.from(stored['sip.password'], 'base64'))).toBe('hunter2-secret');

    expect(secrets.get('sip.password')).toBe('hunter2-secret');
    // A new store (next launch) reads the same file.
    expect(createSafeStorageSecrets(file).get('sip.password')).toBe('hunter2-secret');
  });

  it('leaves no temporary files behind', () => {
    const secrets = createSafeStorageSecrets(file);
    secrets.set('a', '1');
    secrets.set('b', '2');
    expect(readdirSync(join(dir, 'profile'))).toEqual(['secrets.bin']);
  });

  it('keeps the file 0600 when it replaces one with looser permissions', () => {
    const secrets = createSafeStorageSecrets(file);
    secrets.set('a', '1');
    writeFileSync(file, readFileSync(file), { mode: 0o644 });
    createSafeStorageSecrets(file).set('b', '2');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses to save when encryption is unavailable, writing nothing', () => {
    fake.safeStorage.encryptionAvailable = false;
    const secrets = createSafeStorageSecrets(file);
    expect(secrets.available).toBe(false);
    expect(() => secrets.set('sip.password', 'hunter2-secret')).toThrow(SecretsUnavailableError);
    expect(() => secrets.set('sip.password', 'hunter2-secret')).toThrow(/never stores passwords in plain text/);
    expect(() => statSync(file)).toThrow();
  });

  it.runIf(process.platform === 'linux')('treats the basic_text backend (a hard-coded key) as unavailable', () => {
    fake.safeStorage.backend = 'basic_text';
    const secrets = createSafeStorageSecrets(file);
    expect(secrets.available).toBe(false);
    expect(() => secrets.set('sip.password', 'x')).toThrow(SecretsUnavailableError);
  });

  it('deletes a secret', () => {
    const secrets = createSafeStorageSecrets(file);
    secrets.set('a', '1');
    secrets.set('b', '2');
    secrets.delete('a');
    expect(secrets.get('a')).toBeNull();
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).toEqual(['b']);
    expect(createSafeStorageSecrets(file).get('b')).toBe('2');
  });

  it('answers null for a missing key, an unreadable ciphertext or a damaged file', () => {
    expect(createSafeStorageSecrets(file).get('nothing')).toBeNull();
    createSafeStorageSecrets(file).set('a', '1');
    writeFileSync(file, JSON.stringify({ a: Buffer.from('not ciphertext').toString('base64') }));
    expect(createSafeStorageSecrets(file).get('a')).toBeNull();
    writeFileSync(file, '{ not json');
    expect(createSafeStorageSecrets(file).get('a')).toBeNull();
  });
});
