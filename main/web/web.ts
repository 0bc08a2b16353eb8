/**
 * `npm run serve [-- --port N --no-open --data-dir DIR]`: Dialdesk in the
 * user's browser. Prints `Dialdesk is running at http://127.0.0.1:PORT/?token=…`,
 * opens the browser unless --no-open, and stops (closing the core) on SIGINT
 * or SIGTERM.
 */
import { openInBrowser } from './open-browser.js';
import { parseWebOptions } from './web-options.js';
import { runningLine, startWebShell } from './web-shell.js';

export async function serve(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const options = parseWebOptions(argv, env);
  const log = (message: string) => process.stderr.write(`Dialdesk: ${message}\n`);
  const shell = await startWebShell(options, log);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    shell.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`closing failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  process.stdout.write(`${runningLine(shell.server)}\n`);
  if (options.open) await openInBrowser(shell.server.url, log);
}
