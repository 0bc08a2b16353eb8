/**
 * The app's core as the shells hold it: one data folder's core at a time, the rep's real one or
 * the practice folder's (practice/practice-folder.ts), swapped by `enterPractice` and
 * `leavePractice`. The shells keep one dispatch and one event hub for the app's life; the host
 * re-forwards them to whichever core is open, so a shell never knows which folder it serves.
 *
 *   real ──enterPractice──▶ switching ──▶ practice ──leavePractice──▶ switching ──▶ real
 *
 * The real core is closed (its lock released) while practice runs, and reopened on leaving: the two
 * folders are never open at once in one app, so nothing can write one through the other.
 */
import type { AppStatus, CallName } from '../../shared/contract/index.js';
import type { Settings } from '../../shared/domain.js';
import type { GlobalKeyStatus } from '../../shared/desk-keys.js';
import { fail } from '../../shared/result.js';
import { ApiFailure } from './api/api-failure.js';
import { createDispatch, type Dispatch, type Handlers } from './api/dispatch.js';
import { createEventHub } from './api/event-hub.js';
import { createCore, type Core, type CoreOptions } from './core.js';
import { practiceDataDir, practiceSettingsFrom } from './practice/practice-folder.js';
import { createConfSettings } from './settings/conf-settings.js';

export interface CoreHostOptions extends CoreOptions {
  /** The practice run's seed (tests pin it); default a fresh random one each time practice starts. */
  practiceSeed?: number;
  /** Opens a folder's core; tests may wrap it. Default createCore. */
  openCore?: (options: CoreOptions) => Promise<Core>;
}

export async function createCoreHost(options: CoreHostOptions): Promise<Core> {
  const open = options.openCore ?? createCore;
  const events = createEventHub();
  let inner = await open(options);
  let current: CoreOptions = options;
  let practice = false;
  let unsubscribe = inner.events.subscribe((event) => events.emit(event));
  let keyStatus: GlobalKeyStatus | null = null;
  let switching: Promise<unknown> = Promise.resolve();
  let closed = false;

  const call = async <T>(name: CallName, input: unknown = {}): Promise<T> => {
    const result = await inner.dispatch(name, input);
    if (!result.ok) throw new ApiFailure(result.error.code, result.error.message);
    return result.value as T;
  };

  /** Closes the open core and opens the other folder's; if that fails, the one closed is opened again. */
  const swap = async (next: CoreOptions, toPractice: boolean): Promise<void> => {
    const calls = await call<Array<{ status: string }>>('listCalls');
    if (calls.some((c) => c.status !== 'ended')) throw new ApiFailure('conflict', 'Finish the current call first.');
    const previous = current;
    unsubscribe();
    await inner.close();
    try {
      inner = await open(next);
    } catch (error) {
      inner = await open(previous);
      unsubscribe = inner.events.subscribe((event) => events.emit(event));
      throw new ApiFailure('unavailable', `Could not open the ${toPractice ? 'practice' : 'real'} data folder: ${error instanceof Error ? error.message : String(error)}`);
    }
    practice = toPractice;
    current = next;
    unsubscribe = inner.events.subscribe((event) => events.emit(event));
    if (keyStatus) inner.setGlobalKeyStatus(keyStatus);
  };

  const announce = () => {
    events.emit({ type: 'practice.changed', practice });
    events.emit({ type: 'settings.changed' });
    events.emit({ type: 'leads.changed' });
  };

  const enterPractice = async (): Promise<AppStatus> => {
    if (!practice) {
      const real = await call<Settings>('getSettings');
      const dataDir = practiceDataDir(options.dataDir);
      await swap(
        {
          ...options,
          dataDir,
          // The practice folder's own settings file, refreshed from the rep's real settings each time.
          settings: (dir) => {
            const settings = createConfSettings(dir);
            settings.update(practiceSettingsFrom(real));
            return settings;
          },
          practice: { seed: options.practiceSeed ?? Math.floor(Math.random() * 2 ** 32) },
        },
        true,
      );
      // The sample leads, whatever the hour: a practice block always has leads to call.
      const status = await call<AppStatus>('getStatus');
      if (status.leadCount === 0) await call('loadSampleLeads');
      announce();
    }
    return call<AppStatus>('getStatus');
  };

  const leavePractice = async (): Promise<AppStatus> => {
    if (practice) {
      await swap(options, false);
      announce();
    }
    return call<AppStatus>('getStatus');
  };

  /** Switches run one at a time, and every other call waits for a switch under way. */
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = switching.then(fn, fn);
    switching = run.catch(() => undefined);
    return run;
  };
  const own = createDispatch({ enterPractice: () => serial(enterPractice), leavePractice: () => serial(leavePractice) } as unknown as Handlers, {
    logError: (name, error) => options.log?.(`${name}: ${String(error)}`),
  });
  const dispatch: Dispatch = async (name, input) => {
    if (closed) return fail('unavailable', 'Dialdesk is shutting down.');
    if (name === 'enterPractice' || name === 'leavePractice') return own(name, input);
    await switching;
    return inner.dispatch(name, input);
  };

  return {
    dispatch,
    events,
    settleAnsweredCall: async (id, outcome, details) => {
      await switching;
      return inner.settleAnsweredCall(id, outcome, details);
    },
    notifications: {
      returnsSlotStarted: (...args) => inner.notifications.returnsSlotStarted(...args),
      hold: (...args) => inner.notifications.hold(...args),
    },
    deliverDialLink: (url) => inner.deliverDialLink(url),
    setGlobalKeyStatus: (status) => {
      keyStatus = status;
      inner.setGlobalKeyStatus(status);
    },
    async close() {
      closed = true;
      await switching;
      unsubscribe();
      await inner.close();
    },
  };
}
