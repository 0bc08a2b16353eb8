import { useSyncExternalStore } from 'react';
import type { DialdeskApi } from '../../shared/contract/index.js';
import { useApi } from '../api/api-context.js';
import { applySipEvent, INITIAL_SIP_STATE, withCalls, type SipState } from './sip-state.js';

/**
 * The SIP state for every phone component: one store per API, subscribed for the app's lifetime
 * so no event is lost between screens, seeded from getRegistration/listCalls.
 */
class SipStore {
  private state: SipState = INITIAL_SIP_STATE;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly api: DialdeskApi) {
    api.onEvent((event) => {
      // Practice swaps the line (the practice line or the SIP line): read the one now in use.
      if (event.type === 'practice.changed') void this.refresh(true);
      else this.set(applySipEvent(this.state, event));
    });
    void this.refresh();
  }

  async refresh(lineChanged = false): Promise<void> {
    const [registration, calls] = await Promise.all([this.api.getRegistration({}), this.api.listCalls({})]);
    // The other line's calls (a practice call's "ended" line, its lead) belong to the other data folder.
    if (lineChanged) this.set({ ...INITIAL_SIP_STATE, registration: registration.ok ? registration.value : null });
    if (registration.ok && (lineChanged || this.state.registration === null)) this.set({ ...this.state, registration: registration.value });
    if (calls.ok) this.set(withCalls(this.state, calls.value));
  }

  dismiss(callId: string): void {
    this.set({ ...this.state, dismissed: callId });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly snapshot = (): SipState => this.state;

  private set(next: SipState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}

const stores = new WeakMap<DialdeskApi, SipStore>();

export function sipStoreFor(api: DialdeskApi): SipStore {
  let store = stores.get(api);
  if (!store) {
    store = new SipStore(api);
    stores.set(api, store);
  }
  return store;
}

export function useSip(): { state: SipState; store: SipStore } {
  const store = sipStoreFor(useApi());
  const state = useSyncExternalStore(store.subscribe, store.snapshot);
  return { state, store };
}
