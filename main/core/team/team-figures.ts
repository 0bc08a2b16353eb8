/**
 * The manager's team screen, read in one query from the views of migration
 * 1765200000000_team-figures: per rep and for the team (rep null) over a range
 * of days, the script versions' return rates, and the team's answer rate by the
 * lead's local hour. Only a manager's role may read the views; the database
 * refuses anyone else.
 */
import type pg from 'pg';
import type { TeamFigures } from '../../../shared/contract/team.js';

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const n = (value: unknown) => Number(value ?? 0);

const IN_RANGE = '($1::date IS NULL OR day >= $1::date) AND ($2::date IS NULL OR day <= $2::date)';

const FIGURES_QUERY = `
  SELECT
    (SELECT coalesce(json_agg(x ORDER BY x.rep NULLS LAST), '[]'::json) FROM (
       SELECT rep, sum(dials) AS dials, sum(conversations) AS conversations, sum(voicemails) AS voicemails,
              sum(returns) AS returns, sum(promises_kept) AS kept, sum(promises_broken) AS broken
         FROM dialdesk.rep_day_figures WHERE ${IN_RANGE}
        GROUP BY GROUPING SETS ((rep), ())) x) AS reps,
    (SELECT coalesce(json_agg(x ORDER BY x.rep NULLS LAST, x.name, x.version), '[]'::json) FROM (
       SELECT rep, max(script_name) AS name, script_version AS version, sum(voicemails) AS voicemails, sum(returns) AS returns
         FROM dialdesk.script_day_figures WHERE ${IN_RANGE}
        GROUP BY GROUPING SETS ((rep, script_id, script_version), (script_id, script_version))) x) AS scripts,
    (SELECT coalesce(json_agg(x ORDER BY x.hour), '[]'::json) FROM (
       SELECT hour, sum(dials) AS dials, sum(conversations) AS conversations
         FROM dialdesk.hour_day_figures WHERE ${IN_RANGE}
        GROUP BY hour HAVING sum(dials) > 0) x) AS hours`;

interface Row {
  reps: Array<{ rep: string | null; dials: number; conversations: number; voicemails: number; returns: number; kept: number; broken: number }>;
  scripts: Array<{ rep: string | null; name: string; version: number; voicemails: number; returns: number }>;
  hours: Array<{ hour: number; dials: number; conversations: number }>;
}

/** The whole screen, one query. `from`/`to` are the reps' days (YYYY-MM-DD), both ends included. */
export async function readTeamFigures(client: pg.ClientBase, range: { from?: string; to?: string }): Promise<TeamFigures> {
  const { rows } = await client.query<Row>(FIGURES_QUERY, [range.from ?? null, range.to ?? null]);
  const row = rows[0];
  return {
    from: range.from ?? null,
    to: range.to ?? null,
    reps: row.reps.map((r) => ({
      rep: r.rep,
      dials: n(r.dials),
      conversations: n(r.conversations),
      conversationRate: rate(n(r.conversations), n(r.dials)),
      voicemails: n(r.voicemails),
      returns: n(r.returns),
      returnRate: rate(n(r.returns), n(r.voicemails)),
      promisesKept: n(r.kept),
      promisesBroken: n(r.broken),
    })),
    scripts: row.scripts.map((s) => ({
      rep: s.rep,
      scriptName: s.name,
      version: n(s.version),
      voicemails: n(s.voicemails),
      returns: n(s.returns),
      returnRate: rate(n(s.returns), n(s.voicemails)),
    })),
    hours: row.hours.map((h) => ({ hour: n(h.hour), dials: n(h.dials), conversations: n(h.conversations), answerRate: rate(n(h.conversations), n(h.dials)) })),
  };
}
