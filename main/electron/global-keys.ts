import type { GlobalShortcut } from 'electron';
import { DESK_ACTION_LABELS, DESK_ACTIONS, acceleratorProblem, type DeskAction, type GlobalKeyStatus, type GlobalKeys } from '../../shared/desk-keys.js';

/**
 * Global keys for the desk actions: they work while another program is in
 * front. Off by default (a global key is taken from every program); applied
 * again whenever the settings change. A key another program already holds is
 * not taken from it: it is reported as a conflict, and the others still work.
 */
export interface GlobalKeyRegistry {
  apply(keys: GlobalKeys): GlobalKeyStatus;
  /** Releases this app's keys only (never another program's). */
  release(): void;
}

export function createGlobalKeys(shortcuts: Pick<GlobalShortcut, 'register' | 'unregister' | 'isRegistered'>, perform: (action: DeskAction) => void): GlobalKeyRegistry {
  let held: string[] = [];
  const release = () => {
    for (const accelerator of held) shortcuts.unregister(accelerator);
    held = [];
  };
  return {
    apply(keys) {
      release();
      const status: GlobalKeyStatus = { available: true, registered: [], conflicts: [] };
      if (!keys.enabled) return status;
      const seen = new Map<string, DeskAction>();
      for (const action of DESK_ACTIONS) {
        const accelerator = keys.keys[action];
        if (!accelerator) continue;
        const problem = acceleratorProblem(accelerator);
        const twice = seen.get(accelerator.toLowerCase());
        if (problem || twice) {
          status.conflicts.push({ action, accelerator, reason: problem ?? `also set for ${DESK_ACTION_LABELS[twice!]}` });
          continue;
        }
        seen.set(accelerator.toLowerCase(), action);
        let ok = false;
        try {
          ok = !shortcuts.isRegistered(accelerator) && shortcuts.register(accelerator, () => perform(action));
        } catch (error) {
          status.conflicts.push({ action, accelerator, reason: `not a key this system accepts (${error instanceof Error ? error.message : String(error)})` });
          continue;
        }
        if (ok) {
          held.push(accelerator);
          status.registered.push(action);
        } else {
          status.conflicts.push({ action, accelerator, reason: 'another program already uses it' });
        }
      }
      return status;
    },
    release,
  };
}
