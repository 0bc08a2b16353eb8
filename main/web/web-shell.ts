import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '../core/core.js';
import { createCoreHost } from '../core/core-host.js';
import { createConfSettings } from '../core/settings/conf-settings.js';
import { createKeyringSecrets, createSessionSecrets } from './keyring-secrets.js';
import { clockFrom, type WebShellOptions } from './web-options.js';
import { startWebServer, type WebServer } from './web-server.js';

/** The renderer build the web shell serves (`npm run build:renderer:web`). */
export const WEB_RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer-web', import.meta.url));

export interface RunningWebShell {
  core: Core;
  server: WebServer;
  /** Closes the server, then the core (which flushes the store). */
  close(): Promise<void>;
}

/**
 * Dialdesk in the browser: the same core as the Electron app, its data folder
 * and lock, served by the web server on 127.0.0.1. Secrets go to the OS
 * keyring, or are kept for this run only when there is none.
 */
export async function startWebShell(options: WebShellOptions, log: (message: string) => void, staticDir: string = WEB_RENDERER_DIR): Promise<RunningWebShell> {
  // The core creates the folder (0700), or checks and tightens the one there, before it opens anything in it.
  const dataDir = resolve(options.dataDir);
  let secrets;
  if (options.test.memorySecrets) {
    secrets = createSessionSecrets();
  } else {
    const keyring = await createKeyringSecrets(dataDir);
    if (keyring.unreachable) log(`no system keyring (${keyring.unreachable}): a SIP password is kept only until Dialdesk stops`);
    secrets = keyring.secrets;
  }
  const core = await createCoreHost({
    dataDir,
    // A function: the core opens the settings only once it holds the data folder's lock.
    settings: createConfSettings,
    secrets,
    log,
    now: options.test.clockStart ? clockFrom(options.test.clockStart) : undefined,
    practiceSeed: options.test.practiceSeed ?? undefined,
  });
  let server: WebServer;
  try {
    server = await startWebServer({ core, staticDir, port: options.port, log });
  } catch (error) {
    await core.close();
    throw error;
  }
  return {
    core,
    server,
    async close() {
      await server.close();
      await core.close();
    },
  };
}

/** The one line scripts and people look for. */
export function runningLine(server: WebServer): string {
  return `Dialdesk is running at ${server.url}`;
}
