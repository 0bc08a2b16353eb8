import { z } from 'zod';
import { call } from './define.js';

/**
 * The team line as the status bar shows it (main/core/team/team-link.ts keeps it):
 * a sync under way, synced at …, offline since … (the last error), or blocked:
 * the team's do-not-call list is stale past the team's limit, so no dial leaves.
 */
export type TeamLine =
  | { state: 'stopped' }
  | { state: 'syncing' }
  | { state: 'synced'; at: string }
  | { state: 'offline'; since: string; error: string }
  | { state: 'blocked'; reason: string };

/** What the app knows of its team (AppStatus.team): null when the data folder is in none. */
export interface TeamView {
  repName: string;
  /** A manager's role reads the whole team; the team screen is shown to managers only. */
  manager: boolean;
  line: TeamLine;
}

/** One rep's figures (rep null: the whole team), as the database's dialdesk.rep_figures view sums them. */
export interface TeamRepFigures {
  rep: string | null;
  dials: number;
  conversations: number;
  /** conversations / dials (0 without dials). */
  conversationRate: number;
  voicemails: number;
  returns: number;
  /** returns / voicemails (0 without voicemails). */
  returnRate: number;
  promisesKept: number;
  promisesBroken: number;
}

/** Voicemails left with one script version (per rep, rep null: the team) and the returns they brought. */
export interface TeamScriptFigures {
  rep: string | null;
  scriptName: string;
  version: number;
  voicemails: number;
  returns: number;
  returnRate: number;
}

/** The team's answer rate by the lead's local hour (0…23). */
export interface TeamHourFigures {
  hour: number;
  dials: number;
  conversations: number;
  answerRate: number;
}

/** The manager's team screen, read in one query. */
export interface TeamFigures {
  from: string | null;
  to: string | null;
  reps: TeamRepFigures[];
  scripts: TeamScriptFigures[];
  hours: TeamHourFigures[];
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** The team: main/core/team handles these. */
export const teamCalls = {
  /** The manager's figures over a range of the reps' days (refused unless the folder's rep is a manager). */
  getTeamFigures: call<TeamFigures>()(z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict()),
};
