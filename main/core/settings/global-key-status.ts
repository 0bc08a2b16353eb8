import type { GlobalKeyStatus } from '../../../shared/desk-keys.js';

/**
 * What the shell made of the global keys (registered, or taken by another
 * program). The Electron shell sets it each time it applies the settings; the
 * web shell has no global keys and leaves it unavailable.
 */
export interface GlobalKeyStatusSlot {
  get(): GlobalKeyStatus;
  set(status: GlobalKeyStatus): void;
}

export function createGlobalKeyStatusSlot(): GlobalKeyStatusSlot {
  let status: GlobalKeyStatus = { available: false, registered: [], conflicts: [] };
  return {
    get: () => status,
    set: (next) => {
      status = next;
    },
  };
}
