import type { teamCalls } from '../../../shared/contract/team.js';
import { ApiFailure } from '../api/api-failure.js';
import type { HandlersFor } from '../api/dispatch.js';
import { withClient } from './team-database.js';
import { readTeamFigures } from './team-figures.js';
import type { TeamSync } from './team-sync.js';

/** The team's calls: the manager's figures, read as the rep's own database role (the database refuses a non-manager too). */
export function teamHandlers(deps: { team: TeamSync | null }): HandlersFor<typeof teamCalls> {
  return {
    getTeamFigures: async ({ from, to }) => {
      const team = deps.team;
      if (!team) throw new ApiFailure('refused', 'This data folder is not in a team (team join --db URL).');
      if (!team.data.manager) throw new ApiFailure('refused', `The team screen is for the team's managers; ${team.data.repName} is a rep.`);
      if (from && to && from > to) throw new ApiFailure('invalid-input', `The range starts (${from}) after it ends (${to}).`);
      try {
        return await withClient(team.config, (client) => readTeamFigures(client, { from, to }));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (/permission denied/.test(message)) throw new ApiFailure('refused', `The team database refused the figures to this role: ${message}`);
        throw new ApiFailure('unavailable', `The team database cannot be reached: ${message}`);
      }
    },
  };
}
