/**
 * The Dialdesk test harness: the real core behind the renderer in a plain
 * browser. Run with `tsx tests/harness/server.ts --data-dir DIR --port N`
 * (or DIALDESK_DATA_DIR / DIALDESK_PORT). `--port 0` picks a free port; the
 * ready line names it. SIGTERM or SIGINT closes the server and the core.
 * `--now ISO` (or DIALDESK_NOW) starts the core's clock at that instant (it
 * then runs on in real time), for tests that depend on the time of day.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../../main/core/core.js';
import { createConfSettings } from '../../main/core/settings/conf-settings.js';
import { createMemorySecrets } from '../support/memory-stores.js';
import { startHarness } from './harness-server.js';

const STATIC_DIR = fileURLToPath(new URL('../../dist/renderer-harness', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      now: { type: 'string' },
    },
  });
  const dataDir = values['data-dir'] ?? process.env.DIALDESK_DATA_DIR;
  const portText = values.port ?? process.env.DIALDESK_PORT ?? '0';
  const port = Number(portText);
  if (!dataDir) throw new Error('Give the data folder: --data-dir DIR (or DIALDESK_DATA_DIR).');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port: ${portText}`);

  const now = clockFrom(values.now ?? process.env.DIALDESK_NOW);

  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const log = (message: string) => process.stderr.write(`[core] ${message}\n`);
  const core = await createCore({ dataDir: dir, settings: createConfSettings(dir), secrets: createMemorySecrets(), log, now });
  const harness = await startHarness({ core, staticDir: STATIC_DIR, port, log });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`harness: ${signal}, stopping\n`);
    await harness.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  process.stdout.write(`harness listening on ${harness.url}\n`);
}

/** A clock that starts at `iso` and runs on in real time; the system clock when not given. */
function clockFrom(iso: string | undefined): (() => Date) | undefined {
  if (!iso) return undefined;
  const start = Date.parse(iso);
  if (Number.isNaN(start)) throw new Error(`Not an ISO date-time for --now: ${iso}`);
  const realStart = Date.now();
  return () => new Date(start + (Date.now() - realStart));
}

main().catch((error: unknown) => {
  process.stderr.write(`harness failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
