import type { GlobalShortcut } from 'electron';
import type { Core } from '../core/core.js';
import type { BlockView } from '../../shared/dial-block.js';
import type { Settings } from '../../shared/domain.js';
import type { RegistrationState } from '../../shared/sip.js';
import { createGlobalKeys } from './global-keys.js';
import { installTray, type TrayDeps } from './tray.js';

export interface DeskDeps extends TrayDeps {
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister' | 'isRegistered'>;
}

/**
 * The desk features of the Electron shell: global keys (sent to the page as
 * `desk.action`, which performs them as it does headset buttons) and the tray.
 * Returns the disposer, run when the app quits.
 */
export async function installDesk(deps: DeskDeps, core: Pick<Core, 'dispatch' | 'events' | 'setGlobalKeyStatus'>, window: { open(): void; quit(): void }): Promise<() => void> {
  const keys = createGlobalKeys(deps.globalShortcut, (action) => core.events.emit({ type: 'desk.action', action }));
  const applyKeys = async () => {
    const settings = await core.dispatch('getSettings', {});
    if (settings.ok) core.setGlobalKeyStatus(keys.apply((settings.value as Settings).globalKeys));
  };
  const unsubscribe = core.events.subscribe((event) => {
    if (event.type === 'settings.changed') void applyKeys();
  });
  await applyKeys();

  const [registration, block] = await Promise.all([core.dispatch('getRegistration', {}), core.dispatch('getBlock', {})]);
  const calls = await core.dispatch('listCalls', {});
  const disposeTray = installTray(
    deps,
    core.events,
    {
      registration: registration.ok ? (registration.value as RegistrationState) : null,
      liveCalls: calls.ok ? (calls.value as { status: string }[]).filter((call) => call.status !== 'ended').length : 0,
      block: block.ok ? (block.value as BlockView | null) : null,
    },
    {
      open: window.open,
      quit: window.quit,
      pauseBlock: () => void core.dispatch('pauseBlock', {}),
      resumeBlock: () => void core.dispatch('resumeBlock', {}),
    },
  );
  return () => {
    unsubscribe();
    keys.release();
    disposeTray();
  };
}
