import { useEffect, useState } from 'react';
import type { ScriptCheck } from '../../shared/contract/index.js';
import type { ScriptStage } from '../../shared/domain.js';
import type { ApiError } from '../../shared/result.js';
import { useApi } from '../api/api-context.js';

export const CHECK_DELAY_MS = 250;

export interface CheckedScript extends ScriptCheck {
  template: string;
  stage: ScriptStage;
}

/**
 * The core's check of a template while the rep types: errors (which block
 * saving) and the coach's warnings, debounced; `check` is for the text it
 * names, so a caller can tell whether it is current.
 */
export function useScriptCheck(template: string, stage: ScriptStage): { check: CheckedScript | null; error: ApiError | null } {
  const api = useApi();
  const [check, setCheck] = useState<CheckedScript | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void api.checkScript({ template, stage }).then((result) => {
        if (!live) return;
        if (result.ok) {
          setCheck({ ...result.value, template, stage });
          setError(null);
        } else {
          setError(result.error);
        }
      });
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, template, stage]);
  return { check, error };
}
