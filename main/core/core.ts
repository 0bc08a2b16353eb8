import type { AppStatus, StoreStatus } from '../../shared/contract/index.js';
import { ApiFailure } from './api/api-failure.js';
import { createDispatch, type Dispatch, type Handlers } from './api/dispatch.js';
import { createEventHub, type EventHub } from './api/event-hub.js';
import { leadsHandlers } from './leads/leads-handlers.js';
import type { SecretStore } from './settings/secret-store.js';
import { settingsHandlers } from './settings/settings-handlers.js';
import type { SettingsStore } from './settings/settings-store.js';
import type { LeadStore } from './store/lead-store.js';
import { openLeadStore, startFresh } from './store/open-store.js';

export interface CoreOptions {
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  /** The clock; tests pin it. */
  now?: () => Date;
  log?: (message: string) => void;
  appVersion?: string;
}

export interface Core {
  dispatch: Dispatch;
  events: EventHub;
  close(): Promise<void>;
}

/**
 * Everything Dialdesk decides or stores, in plain Node: the Electron shell,
 * the test harness and the CLI all run this same core.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date());
  const events = createEventHub();
  const storeOptions = { log: options.log };
  const opened = await openLeadStore(options.dataDir, now(), storeOptions);
  let store: LeadStore | null = opened.store;
  let storeStatus: StoreStatus = opened.status;

  const requireStore = (): LeadStore => {
    if (store) return store;
    const message = storeStatus.state === 'error' ? storeStatus.message : 'The data store is not open.';
    throw new ApiFailure('store-unavailable', message);
  };

  const status = (): AppStatus => ({
    version: options.appVersion ?? 'dev',
    dataDir: options.dataDir,
    store: storeStatus,
    leadCount: store?.leadCount ?? 0,
    firstRun: store !== null && store.leadCount === 0 && !store.hasHistory,
  });

  const handlers: Handlers = {
    getStatus: () => status(),
    ...settingsHandlers(options.settings, events),
    startFreshStore: async () => {
      if (store) throw new ApiFailure('conflict', 'The data store is fine; there is nothing to start afresh.');
      store = await startFresh(options.dataDir, storeOptions);
      storeStatus = { state: 'ready' };
      events.emit({ type: 'store.status', ready: true, message: '' });
      events.emit({ type: 'leads.changed' });
      return status();
    },
    ...leadsHandlers({ store: requireStore, settings: options.settings, events, now }),
  };

  return {
    dispatch: createDispatch(handlers, { logError: (call, error) => options.log?.(`${call}: ${String(error)}`) }),
    events,
    async close() {
      await store?.close();
      store = null;
      storeStatus = { state: 'error', message: 'Dialdesk is shutting down.', keptFiles: [] };
    },
  };
}
