import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the app keeps its data: the same folder Electron calls `userData` for
 * an app named Dialdesk, so the CLI and the app share one store by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.DIALDESK_DATA_DIR) return env.DIALDESK_DATA_DIR;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Dialdesk');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Dialdesk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Dialdesk');
}
