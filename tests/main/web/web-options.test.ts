import { describe, expect, it } from 'vitest';
import { clockFrom, parseWebOptions, TEST_OPTIONS_ENV } from '../../../main/web/web-options.js';

describe('web shell options', () => {
  it('serves on a free port, opens the browser, and uses DIALDESK_DATA_DIR by default', () => {
    expect(parseWebOptions([], { DIALDESK_DATA_DIR: '/data/dd' })).toEqual({
      dataDir: '/data/dd',
      port: 0,
      open: true,
      test: { clockStart: null, memorySecrets: false, practiceSeed: null },
    });
  });

  it('takes --port, --no-open and --data-dir', () => {
    const options = parseWebOptions(['--port', '4700', '--no-open', '--data-dir', '/tmp/x'], { DIALDESK_DATA_DIR: '/data/dd' });
    expect(options).toMatchObject({ port: 4700, open: false, dataDir: '/tmp/x' });
  });

  it('refuses a bad port and an unknown option with a clear error', () => {
    expect(() => parseWebOptions(['--port', 'http'], {})).toThrow('Not a port: http');
    expect(() => parseWebOptions(['--port', '70000'], {})).toThrow('Not a port: 70000');
    expect(() => parseWebOptions(['--port=-1'], {})).toThrow('Not a port: -1');
    expect(() => parseWebOptions(['--open-sesame'], {})).toThrow(/open-sesame/);
  });

  it('refuses the test options outside the test suite, naming them', () => {
    expect(() => parseWebOptions(['--test-clock', '2026-03-10T15:00:00Z'], {})).toThrow(
      `--test-clock is a test option: the web shell accepts it only in the test suite (${TEST_OPTIONS_ENV}=1).`,
    );
    expect(() => parseWebOptions(['--test-memory-secrets'], { [TEST_OPTIONS_ENV]: 'yes' })).toThrow(/--test-memory-secrets is a test option/);
    expect(() => parseWebOptions(['--test-memory-secrets', '--test-clock', '2026-03-10T15:00:00Z'], {})).toThrow(
      /--test-clock and --test-memory-secrets are test options/,
    );
  });

  it('accepts them in the test suite', () => {
    const options = parseWebOptions(['--test-clock', '2026-03-10T15:00:00Z', '--test-memory-secrets'], { [TEST_OPTIONS_ENV]: '1' });
    expect(options.test).toEqual({ clockStart: '2026-03-10T15:00:00Z', memorySecrets: true, practiceSeed: null });
    expect(parseWebOptions(['--test-practice-seed', '4242'], { [TEST_OPTIONS_ENV]: '1' }).test.practiceSeed).toBe(4242);
    expect(() => parseWebOptions(['--test-practice-seed=-1'], { [TEST_OPTIONS_ENV]: '1' })).toThrow('Not a practice seed (a whole number): -1');
    expect(() => parseWebOptions(['--test-practice-seed', '7'], {})).toThrow(/--test-practice-seed is a test option/);
    expect(() => parseWebOptions(['--test-clock', 'tomorrow'], { [TEST_OPTIONS_ENV]: '1' })).toThrow('Not an ISO date-time for --test-clock: tomorrow');
  });

  it('the test clock starts at the instant given and runs on in real time', () => {
    let real = 1_000_000;
    const now = clockFrom('2026-03-10T15:00:00Z', () => real);
    expect(now().toISOString()).toBe('2026-03-10T15:00:00.000Z');
    real += 90_000;
    expect(now().toISOString()).toBe('2026-03-10T15:01:30.000Z');
  });
});
