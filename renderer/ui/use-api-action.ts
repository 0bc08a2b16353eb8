import { useCallback, useState } from 'react';
import type { ApiError, Result } from '../../shared/result.js';

/**
 * One contract call at a time for a component: `busy` while it runs (to
 * disable its buttons), and the error of the last call that failed (shown
 * next to them). Every action answers a Result; a failure is never thrown.
 */
export function useApiAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async <T,>(action: () => Promise<Result<T>>): Promise<Result<T>> => {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      if (!result.ok) setError(result.error);
      return result;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
