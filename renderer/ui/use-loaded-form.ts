import { useEffect, useRef, useState } from 'react';
import type { ApiError, Result } from '../../shared/result.js';
import { useApiAction } from './use-api-action.js';

/**
 * An edit form over one value the core holds (settings, the phone account):
 * loads it once, keeps the form state, and on save takes the core's answer
 * as the new truth (so the form shows what was actually stored). Field-level
 * problems come back as `saveError.issues`.
 */
export function useLoadedForm<V, F>(options: { load: () => Promise<Result<V>>; toForm: (value: V) => F }) {
  const latest = useRef(options);
  latest.current = options;
  const [value, setValue] = useState<V | null>(null);
  const [form, setForm] = useState<F | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const { busy, error: saveError, run } = useApiAction();

  const accept = (next: V) => {
    setValue(next);
    setForm(latest.current.toForm(next));
  };

  useEffect(() => {
    void latest.current.load().then((result) => (result.ok ? accept(result.value) : setLoadError(result.error)));
  }, []);

  return {
    value,
    form,
    loadError,
    saveError,
    saved,
    busy,
    update(patch: Partial<F>) {
      setForm((current) => (current ? { ...current, ...patch } : current));
      setSaved(false);
    },
    async save(action: () => Promise<Result<V>>): Promise<Result<V>> {
      setSaved(false);
      const result = await run(action);
      if (result.ok) {
        accept(result.value);
        setSaved(true);
      }
      return result;
    },
  };
}
