import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { DialdeskApi, DialdeskEvent } from '../../shared/contract/index.js';

const ApiContext = createContext<DialdeskApi | null>(null);

export function ApiProvider({ api, children }: { api: DialdeskApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): DialdeskApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() outside <ApiProvider>');
  return api;
}

/** Subscribes for the component's lifetime; the latest `listener` is always the one called. */
export function useDialdeskEvent(listener: (event: DialdeskEvent) => void): void {
  const api = useApi();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => api.onEvent((event) => latest.current(event)), [api]);
}
