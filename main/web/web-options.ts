import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/settings/default-data-dir.js';

/**
 * Test options: what the end-to-end tests need and a rep must never get. They
 * are read only from the command line, and only when this variable is "1";
 * nothing the browser sends (a URL, a header) can turn them on.
 */
export const TEST_OPTIONS_ENV = 'DIALDESK_TEST_OPTIONS';

export interface WebShellTestOptions {
  /** The core's clock starts at this instant and runs on in real time. */
  clockStart: string | null;
  /** Secrets in memory, never the developer's real keyring. */
  memorySecrets: boolean;
  /** The practice run's seed, so a test knows which far ends it meets. */
  practiceSeed: number | null;
}

export interface WebShellOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Open the user's browser at the URL (else only print it). */
  open: boolean;
  test: WebShellTestOptions;
}

export class WebOptionsError extends Error {
  override name = 'WebOptionsError';
}

/**
 * `serve [--port N] [--no-open] [--data-dir DIR]`; the data folder defaults to
 * `DIALDESK_DATA_DIR`, then the app's own. Test-only: `--test-clock ISO`,
 * `--test-memory-secrets`, `--test-practice-seed N`, refused unless DIALDESK_TEST_OPTIONS=1.
 */
export function parseWebOptions(argv: readonly string[], env: NodeJS.ProcessEnv): WebShellOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        'test-clock': { type: 'string' },
        'test-memory-secrets': { type: 'boolean', default: false },
        'test-practice-seed': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new WebOptionsError(error instanceof Error ? error.message : String(error));
  }
  const portText = values.port ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new WebOptionsError(`Not a port: ${portText} (give 1–65535, or 0 for a free one).`);

  const testFlags = [
    values['test-clock'] !== undefined && '--test-clock',
    values['test-memory-secrets'] && '--test-memory-secrets',
    values['test-practice-seed'] !== undefined && '--test-practice-seed',
  ].filter(Boolean);
  if (testFlags.length > 0 && env[TEST_OPTIONS_ENV] !== '1') {
    throw new WebOptionsError(`${testFlags.join(' and ')} ${testFlags.length > 1 ? 'are test options' : 'is a test option'}: the web shell accepts ${testFlags.length > 1 ? 'them' : 'it'} only in the test suite (${TEST_OPTIONS_ENV}=1).`);
  }
  const clockStart = values['test-clock'] ?? null;
  if (clockStart !== null && Number.isNaN(Date.parse(clockStart))) throw new WebOptionsError(`Not an ISO date-time for --test-clock: ${clockStart}`);

  const seedText = values['test-practice-seed'] ?? null;
  if (seedText !== null && !/^\d{1,10}$/.test(seedText)) throw new WebOptionsError(`Not a practice seed (a whole number): ${seedText}`);
  const practiceSeed = seedText === null ? null : Number(seedText) >>> 0;

  return {
    dataDir: values['data-dir'] ?? defaultDataDir(env),
    port,
    open: !values['no-open'],
    test: { clockStart, memorySecrets: values['test-memory-secrets'] ?? false, practiceSeed },
  };
}

/** A clock that starts at `iso` and runs on in real time. */
export function clockFrom(iso: string, realNow: () => number = Date.now): () => Date {
  const start = Date.parse(iso);
  const realStart = realNow();
  return () => new Date(start + (realNow() - realStart));
}
