import type { teamCalls } from '../../../shared/contract/team.js';
import { ApiFailure } from '../api/api-failure.js';
import type { HandlersFor } from '../api/dispatch.js';
import type { TeamSync } from './team-sync.js';

/** The team's calls: the manager's figures. */
export function teamHandlers(deps: { team: TeamSync | null }): HandlersFor<typeof teamCalls> {
  return {
    getTeamFigures: () => {
      if (!deps.team) throw new ApiFailure('refused', 'This data folder is not in a team (team join --db URL).');
      throw new ApiFailure('unavailable', 'The team screen is not available yet.');
    },
  };
}
