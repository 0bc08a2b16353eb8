/**
 * `npm run serve [-- --port N --no-open --data-dir DIR]`: Dialdesk in the
 * user's browser. Prints `Dialdesk is running at http://127.0.0.1:PORT/?token=…`
 * (a one-time launch code), opens the browser (with another) unless --no-open, and stops (closing the core) on SIGINT
 * or SIGTERM.
 */
import { openInBrowser } from './open-browser.js';
import { parseWebOptions } from './web-options.js';
import { runningLine, startWebShell, WEB_RENDERER_DIR } from './web-shell.js';

/** `staticDir`: the renderer build to serve (tests give a small one of their own). */
export async function serve(argv: readonly string[], env: NodeJS.ProcessEnv, staticDir: string = WEB_RENDERER_DIR): Promise<void> {
  const options = parseWebOptions(argv, env);
  const log = (message: string) => process.stderr.write(`Dialdesk: ${message}\n`);
  const shell = await startWebShell(options, log, staticDir);

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
  // The browser gets a launch code of its own: it is spent as the page loads, so what `ps` shows of the
  // browser's command line opens nothing, and the printed address still opens the app once.
  if (options.open) await openInBrowser(shell.server.newLaunchUrl(), log);
}
