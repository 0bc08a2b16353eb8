import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Ajv } from 'ajv';
import { DIAL_LINK_PROTOCOLS } from '../../../main/electron/dial-links.js';

const root = join(import.meta.dirname, '..', '..', '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** electron-builder's `files` globs, enough of them for this check: `**`, `*`, `!` exclusions. */
function included(path: string, patterns: string[]): boolean {
  let result = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const glob = negated ? pattern.slice(1) : pattern;
    const source = glob
      .split(/(\*\*\/|\*\*|\*)/)
      .map((part) =>
        part === '**/' ? '(?:.*/)?' : part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
    if (new RegExp(`^${source}$`).test(path)) result = !negated;
  }
  return result;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration validation', async () => {
    const require = createRequire(join(root, 'package.json'));
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    await expect(validateConfiguration(structuredClone(config), { isEnabled: false, add() {} })).resolves.toBeUndefined();
    // The validation is real: a misplaced option is rejected.
    await expect(
      validateConfiguration({ ...structuredClone(config), mac: { ...config.mac, title: 'x' } }, { isEnabled: false, add() {} }),
    ).rejects.toThrow(/configuration/i);
  });

  it('matches the JSON schema app-builder-lib ships (scheme.json), checked by ajv on its own', () => {
    const require = createRequire(join(root, 'package.json'));
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The schema is strict enough to notice: a misspelt protocol field and a wrong target are refused.
    expect(validate({ ...config, protocols: [{ name: 'Telephone', scheme: ['tel'] }] })).toBe(false);
    expect(validate({ ...config, mac: { ...config.mac, hardenedRuntime: 'yes' } })).toBe(false);
  });

  it('declares every scheme the app registers for, so macOS and Linux hand Dialdesk its links', () => {
    const declared = (config.protocols as { schemes: string[] }[]).flatMap((protocol) => protocol.schemes);
    expect([...declared].sort()).toEqual([...DIAL_LINK_PROTOCOLS].sort());
    for (const protocol of config.protocols) expect(protocol.name).toMatch(/\S/);
  });

  it('flips Electron’s fuses: no Node runtime, NODE_OPTIONS or inspector, code only from the checked asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('names the app', () => {
    expect(config.appId).toBe('com.dialdesk.app');
    expect(config.productName).toBe('Dialdesk');
    expect(config.productName).toBe(pkg.productName);
  });

  it('writes installers to release/ and never publishes', () => {
    expect(config.directories.output).toBe('release');
    expect(config.publish).toBeNull();
  });

  it('packs the built main, preload and renderer, and package.json', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    for (const file of ['package.json', pkg.main, 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc123.js']) {
      expect(included(file, config.files), file).toBe(true);
    }
  });

  it('does not pack sources, tests or source maps', () => {
    for (const file of ['main/electron/main.ts', 'shared/contract/index.ts', 'tests/main/electron/preload.test.ts', 'renderer/index.html', 'dist/electron/main.cjs.map', '.ci/run']) {
      expect(included(file, config.files), file).toBe(false);
    }
  });

  it('builds AppImage and deb for Linux, filed under Office with a maintainer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
  });

  it('builds an NSIS installer for Windows', () => {
    expect(config.win.target).toEqual(['nsis']);
  });

  it('builds a hardened dmg for macOS that may use the microphone', () => {
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.business');
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/microphone/i);
    const entitlements = join(root, config.mac.entitlements);
    expect(existsSync(entitlements)).toBe(true);
    expect(readFileSync(entitlements, 'utf8')).toContain('<key>com.apple.security.device.audio-input</key>');
  });
});
