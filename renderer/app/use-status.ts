import { useCallback, useEffect, useState } from 'react';
import type { AppStatus } from '../../shared/contract/index.js';
import type { ApiError } from '../../shared/result.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';

export type StatusState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'loaded'; status: AppStatus };

/** The app status, refreshed whenever the core says leads or the store changed. */
export function useStatus(): { state: StatusState; refresh: () => Promise<void>; replace: (status: AppStatus) => void } {
  const api = useApi();
  const [state, setState] = useState<StatusState>({ kind: 'loading' });

  const refresh = useCallback(async () => {
    const result = await api.getStatus({});
    setState(result.ok ? { kind: 'loaded', status: result.value } : { kind: 'failed', error: result.error });
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useDialdeskEvent((event) => {
    if (event.type === 'leads.changed' || event.type === 'store.status' || event.type === 'doNotCall.changed' || event.type === 'practice.changed') void refresh();
  });

  const replace = useCallback((status: AppStatus) => setState({ kind: 'loaded', status }), []);
  return { state, refresh, replace };
}
