import { describe, expect, it } from 'vitest';
import { dataDirOverride } from '../../../main/electron/data-dir.js';

describe('dataDirOverride', () => {
  it('takes --data-dir DIR and --data-dir=DIR', () => {
    expect(dataDirOverride(['electron', '.', '--data-dir', '/tmp/a'], {})).toBe('/tmp/a');
    expect(dataDirOverride(['electron', '.', '--data-dir=/tmp/b'], {})).toBe('/tmp/b');
  });

  it('prefers the flag over DIALDESK_DATA_DIR', () => {
    expect(dataDirOverride(['--data-dir', '/tmp/flag'], { DIALDESK_DATA_DIR: '/tmp/env' })).toBe('/tmp/flag');
  });

  it('falls back to DIALDESK_DATA_DIR, then to none', () => {
    expect(dataDirOverride(['electron', '.'], { DIALDESK_DATA_DIR: '/tmp/env' })).toBe('/tmp/env');
    expect(dataDirOverride(['electron', '.'], { DIALDESK_DATA_DIR: '  ' })).toBeNull();
    expect(dataDirOverride(['electron', '.'], {})).toBeNull();
  });

  it('ignores a flag without a value', () => {
    expect(dataDirOverride(['--data-dir'], {})).toBeNull();
    expect(dataDirOverride(['--data-dir='], { DIALDESK_DATA_DIR: '/tmp/env' })).toBe('/tmp/env');
  });
});
