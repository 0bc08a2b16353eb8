import type { AppStatus, StoreStatus } from '../../shared/contract/index.js';
import type { DialCheck } from '../../shared/schedule.js';
import { ApiFailure } from './api/api-failure.js';
import { createDispatch, type Dispatch, type Handlers } from './api/dispatch.js';
import { createEventHub, type EventHub } from './api/event-hub.js';
import { randomUUID } from 'node:crypto';
import { leadsHandlers } from './leads/leads-handlers.js';
import { createNotifier, type Notifier } from './notify/notifier.js';
import { DoNotCallStore } from './schedule/do-not-call-store.js';
import { scheduleHandlers } from './schedule/schedule-handlers.js';
import { createScheduleService } from './schedule/schedule-service.js';
import { ScriptLibrary } from './scripts/script-library.js';
import { createRendererMedia, createSipService, sipHandlers, type CallAttemptRecord, type MediaBridgeFactory } from './sip/index.js';
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
  /** Where call media runs. Default: the renderer's WebRTC module over the contract; lab tests pass a plain-RTP double. */
  media?: MediaBridgeFactory;
}

export interface Core {
  dispatch: Dispatch;
  events: EventHub;
  /** OS notifications: the dial-block session reports slots and its block here. */
  notifications: Pick<Notifier, 'returnsSlotStarted' | 'hold'>;
  close(): Promise<void>;
}

/**
 * Everything Dialdesk decides or stores, in plain Node: the Electron shell,
 * the test harness and the CLI all run this same core.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date());
  const events = createEventHub();
  const storeOptions = {
    log: options.log,
    schedule: () => options.settings.get().schedule,
    defaultCountry: () => options.settings.get().defaultCountry,
  };
  const opened = await openLeadStore(options.dataDir, now(), storeOptions);
  const scripts = await ScriptLibrary.open(options.dataDir, now());
  const doNotCall = await DoNotCallStore.open(options.dataDir, now());
  const notices = [scripts.notice, doNotCall.notice].filter((n): n is string => n !== null);
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
    notices,
    passwordStorage: options.secrets.persistent === false ? 'session' : 'system',
  });
  const schedule = createScheduleService({
    store: requireStore,
    settings: options.settings,
    scripts,
    doNotCall,
    now,
  });

  const log = options.log ?? (() => undefined);
  const sip = createSipService({
    dataDir: options.dataDir,
    secrets: options.secrets,
    events,
    media: options.media ?? createRendererMedia({ events }),
    now,
    defaultCountry: () => options.settings.get().defaultCountry,
    matchLead: (e164) => store?.leadByPhone(e164)?.id ?? null,
    recordAttempt: async (call: CallAttemptRecord) => {
      await requireStore().recordAttempt({
        id: randomUUID(),
        ...call,
        recordedAt: now().toISOString(),
        note: '',
        scriptId: null,
        scriptVersion: null,
        promisedFor: null,
      });
      events.emit({ type: 'leads.changed' });
    },
    recordInbound: (call) => {
      requireStore().inbound.record(call);
    },
    logger: { info: log, warn: log, error: log },
  });

  const handlers: Handlers = {
    getStatus: () => status(),
    ...settingsHandlers(options.settings, events, async () => {
      await store?.refoldIfStale();
    }),
    startFreshStore: async () => {
      if (store) throw new ApiFailure('conflict', 'The data store is fine; there is nothing to start afresh.');
      store = await startFresh(options.dataDir, storeOptions);
      storeStatus = { state: 'ready' };
      events.emit({ type: 'store.status', ready: true, message: '' });
      events.emit({ type: 'leads.changed' });
      return status();
    },
    ...leadsHandlers({ store: requireStore, settings: options.settings, events, schedule, now }),
    ...sipHandlers(sip),
    ...scheduleHandlers({ store: requireStore, schedule, scripts, doNotCall, settings: options.settings, events, now }),
  };
  handlers.dial = gateDial(handlers.dial, (number, leadId) => schedule.checkNumber(number, leadId));
  const notifier = createNotifier({
    events,
    enabled: () => options.settings.get().notifications?.enabled !== false,
    // A store that is not open (damaged data) has no promises to remind of.
    duePromises: () => (store ? schedule.reminders(0) : []),
  });
  // Registration retries on its own with backoff; start-up never waits for the SIP server.
  sip.start().catch((error) => log(`SIP start: ${String(error)}`));

  return {
    dispatch: createDispatch(handlers, { logError: (call, error) => options.log?.(`${call}: ${String(error)}`) }),
    events,
    notifications: notifier,
    async close() {
      notifier.close();
      await sip.close();
      await store?.close();
      store = null;
      storeStatus = { state: 'error', message: 'Dialdesk is shutting down.', keptFiles: [] };
    },
  };
}

/** No call leaves Dialdesk outside the lead's legal window, the rep's hours, or to a do-not-call number. */
function gateDial(dial: Handlers['dial'], check: (number: string, leadId: string | null) => DialCheck): Handlers['dial'] {
  return (input) => {
    const verdict = check(input.number, input.leadId);
    if (!verdict.allowed) throw new ApiFailure('refused', verdict.reason);
    return dial(input);
  };
}
