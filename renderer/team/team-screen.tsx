import { useCallback, useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TeamFigures } from '../../shared/contract/team.js';
import type { ApiError } from '../../shared/result.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { lastDays } from '../ui/format-time.js';
import { useRepZone } from '../ui/use-settings.js';
import { teamRangeLabel, teamRows } from './team-figures-view.js';

type Range = 'day' | 'week' | 'all';

const pct = (rate: number) => `${(100 * rate).toFixed(1)}%`;

/** The manager's team screen: per rep and for the team, the script versions' return rates, the team's answers by hour. */
export function TeamScreen() {
  const api = useApi();
  const repZone = useRepZone();
  const [range, setRange] = useState<Range>('week');
  const [figures, setFigures] = useState<TeamFigures | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(async () => {
    const result = await api.getTeamFigures(range === 'all' ? {} : lastDays(range === 'day' ? 1 : 7, Date.now(), repZone));
    if (result.ok) {
      setFigures(result.value);
      setError(null);
    } else setError(result.error);
  }, [api, range, repZone]);
  useEffect(() => {
    void load();
  }, [load]);
  // A sync brought the reps' new days.
  useDialdeskEvent((event) => {
    if (event.type === 'team.line' && event.line.state === 'synced') void load();
  });

  const rows = figures ? teamRows(figures) : null;
  return (
    <section className="team-screen" aria-label="Team">
      <header className="stats-head">
        <h2>Team</h2>
        <div role="group" aria-label="Range">
          {(['day', 'week', 'all'] as const).map((r) => (
            <button key={r} type="button" className="button" aria-pressed={range === r} onClick={() => setRange(r)}>
              {teamRangeLabel(r)}
            </button>
          ))}
        </div>
      </header>
      {error ? <ErrorMessage error={error} title="The team's figures could not be read" /> : null}
      {!rows && !error ? <p aria-busy="true">Loading the team's figures…</p> : null}
      {rows ? (
        <>
          <table className="stats-table" aria-label="Reps">
            <thead>
              <tr>
                <th scope="col">Rep</th>
                <th scope="col">Dials</th>
                <th scope="col">Conversations</th>
                <th scope="col">Conversation rate</th>
                <th scope="col">Voicemails</th>
                <th scope="col">Returns</th>
                <th scope="col">Return rate</th>
                <th scope="col">Promises kept</th>
                <th scope="col">Promises broken</th>
              </tr>
            </thead>
            <tbody>
              {rows.reps.map((r) => (
                <tr key={r.label} className={r.team ? 'team-total' : undefined}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{r.dials}</td>
                  <td className="num">{r.conversations}</td>
                  <td className="num">{pct(r.conversationRate)}</td>
                  <td className="num">{r.voicemails}</td>
                  <td className="num">{r.returns}</td>
                  <td className="num">{pct(r.returnRate)}</td>
                  <td className="num">{r.promisesKept}</td>
                  <td className="num">{r.promisesBroken}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h3>Return rate per script version</h3>
          {rows.scripts.length === 0 ? (
            <p className="muted">No voicemails with a script in this range yet.</p>
          ) : (
            <table className="stats-table" aria-label="Scripts">
              <thead>
                <tr>
                  <th scope="col">Rep</th>
                  <th scope="col">Script</th>
                  <th scope="col">Voicemails</th>
                  <th scope="col">Returns</th>
                  <th scope="col">Return rate</th>
                </tr>
              </thead>
              <tbody>
                {rows.scripts.map((s) => (
                  <tr key={`${s.repLabel}|${s.scriptLabel}`} className={s.team ? 'team-total' : undefined}>
                    <td>{s.repLabel}</td>
                    <td>{s.scriptLabel}</td>
                    <td className="num">{s.voicemails}</td>
                    <td className="num">{s.returns}</td>
                    <td className="num">{pct(s.returnRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h3>The team's answer rate by the lead's local hour</h3>
          {rows.hours.length === 0 ? (
            <p className="muted">No dials in this range yet.</p>
          ) : (
            <div className="stats-chart" aria-label="Answer rate by hour">
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={rows.hours}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis unit="%" />
                  <Tooltip formatter={(value) => `${Number(value).toFixed(1)}%`} />
                  <Bar dataKey="rate" name="Answer rate" fill="#2f6f8f" />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
