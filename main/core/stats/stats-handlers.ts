import type { statsCalls } from '../../../shared/contract/stats.js';
import { ApiFailure } from '../api/api-failure.js';
import type { HandlersFor } from '../api/dispatch.js';
import type { ScriptLibrary } from '../scripts/script-library.js';
import type { LeadStore } from '../store/lead-store.js';
import { statsReport } from './store-stats.js';

/** `getStats`: the rep's figures over a range of days, read from the stats fold. */
export function statsHandlers(deps: { store(): LeadStore; scripts: ScriptLibrary }): HandlersFor<typeof statsCalls> {
  return {
    getStats: ({ from, to }) => {
      try {
        return statsReport(deps.store(), { from, to }, (id, version) => deps.scripts.nameOf(id, version));
      } catch (error) {
        throw new ApiFailure('invalid-input', error instanceof Error ? error.message : String(error));
      }
    },
  };
}
