import { useCallback, useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatsReport } from '../../shared/stats.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';
import { lastDays, weekdayName } from '../ui/format-time.js';
import { useRepZone } from '../ui/use-settings.js';
import './stats.css';

const pct = (rate: number) => `${(100 * rate).toFixed(1)}%`;

type Range = 'day' | 'week' | 'all';

/** The range as dates of the rep's calendar, which is how the core buckets days. */
function rangeOf(range: Range, repZone: string | null): { from?: string; to?: string } {
  if (range === 'day') return lastDays(1, Date.now(), repZone);
  if (range === 'week') return lastDays(7, Date.now(), repZone);
  return {};
}

/** Calls versus conversations: the figures a rep judges a day by, and which voicemail brings calls back. */
export function StatsScreen() {
  const api = useApi();
  const repZone = useRepZone();
  const [range, setRange] = useState<Range>('week');
  const [stats, setStats] = useState<StatsReport | null>(null);
  const load = useCallback(async () => {
    const result = await api.getStats(rangeOf(range, repZone));
    if (result.ok) setStats(result.value);
  }, [api, range, repZone]);
  useEffect(() => {
    void load();
  }, [load]);
  useDialdeskEvent((event) => {
    if (event.type === 'leads.changed') void load();
  });
  if (!stats) return <p aria-busy="true">Loading stats…</p>;

  const hours = stats.byHour.filter((h) => h.hour >= 7 && h.hour <= 21).map((h) => ({ ...h, label: `${h.hour}:00`, rate: 100 * h.connectRate }));
  const weekdays = stats.byWeekday.map((d) => ({ ...d, label: weekdayName(d.weekday, 'abbreviated'), rate: 100 * d.connectRate }));
  const scripts = stats.byScript.map((s) => ({ ...s, rate: 100 * s.returnRate }));
  return (
    <section className="stats-screen" aria-label="Stats">
      <header className="stats-head">
        <h2>Calls and conversations</h2>
        <div role="group" aria-label="Range">
          {(['day', 'week', 'all'] as const).map((r) => (
            <button key={r} type="button" className="button" aria-pressed={range === r} onClick={() => setRange(r)}>
              {r === 'day' ? 'Today' : r === 'week' ? 'Last 7 days' : 'All time'}
            </button>
          ))}
        </div>
      </header>
      <dl className="stats-figures" aria-label="Totals">
        <div>
          <dt>Dials</dt>
          <dd>{stats.dials}</dd>
        </div>
        <div>
          <dt>Conversations</dt>
          <dd>{stats.conversations}</dd>
        </div>
        <div>
          <dt>Conversation rate</dt>
          <dd>{pct(stats.conversationRate)}</dd>
        </div>
        <div>
          <dt>Voicemails left</dt>
          <dd>{stats.voicemailsLeft}</dd>
        </div>
        <div>
          <dt>Returns received</dt>
          <dd>{stats.returns}</dd>
        </div>
        <div>
          <dt>Promises kept / broken</dt>
          <dd>
            {stats.promisesKept} / {stats.promisesBroken}
          </dd>
        </div>
      </dl>

      {isEmpty(stats) ? (
        <div className="stats-empty" role="note" aria-label="No calls yet">
          <p>
            <strong>{range === 'all' ? 'No calls yet, so there is nothing to chart.' : 'No calls in this range, so there is nothing to chart.'}</strong>
          </p>
          <p>
            After your first calls, this screen charts your dials and conversations per day, your connect rate by the lead’s local hour
            and by weekday, and which voicemail script brings calls back.
          </p>
          <p>
            {range === 'all'
              ? 'To get them, start a dial block on the Dial block screen (leads come from Import or the sample list), or try a practice block from the welcome screen to see what a block produces.'
              : 'Choose All time for your earlier calls, or start a dial block on the Dial block screen.'}
          </p>
        </div>
      ) : (
        <Charts stats={stats} hours={hours} weekdays={weekdays} scripts={scripts} />
      )}
    </section>
  );
}

/** Nothing happened in the range: no dial, voicemail, return or promise, so every chart would be empty. */
function isEmpty(stats: StatsReport): boolean {
  return stats.dials === 0 && stats.voicemailsLeft === 0 && stats.returns === 0 && stats.promisesKept + stats.promisesBroken === 0 && stats.byDay.length === 0;
}

interface ChartData {
  stats: StatsReport;
  hours: Array<StatsReport['byHour'][number] & { label: string; rate: number }>;
  weekdays: Array<StatsReport['byWeekday'][number] & { label: string; rate: number }>;
  scripts: Array<StatsReport['byScript'][number] & { rate: number }>;
}

function Charts({ stats, hours, weekdays, scripts }: ChartData) {
  return (
    <>
      <h3>Per day</h3>
      <div className="stats-chart" aria-label="Dials and conversations per day">
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={stats.byDay}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="date" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Line type="monotone" dataKey="dials" name="Dials" stroke="#5c6b78" />
            <Line type="monotone" dataKey="conversations" name="Conversations" stroke="#2e7d4f" />
          </LineChart>
        </ResponsiveContainer>
      </div>

      <h3>Connect rate by the lead's local hour</h3>
      <div className="stats-chart" aria-label="Connect rate by hour">
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={hours}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis unit="%" />
            <Tooltip formatter={(value) => `${Number(value).toFixed(1)}%`} />
            <Bar dataKey="rate" name="Connect rate" fill="#2f6f8f" />
          </BarChart>
        </ResponsiveContainer>
      </div>

      <h3>Connect rate by weekday</h3>
      <div className="stats-chart" aria-label="Connect rate by weekday">
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={weekdays}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis unit="%" />
            <Tooltip formatter={(value) => `${Number(value).toFixed(1)}%`} />
            <Bar dataKey="rate" name="Connect rate" fill="#245a75" />
          </BarChart>
        </ResponsiveContainer>
      </div>

      <h3>Return rate per voicemail script version</h3>
      {scripts.length === 0 ? (
        <p className="muted">No voicemails with a script in this range yet.</p>
      ) : (
        <>
          <div className="stats-chart" aria-label="Return rate per script version">
            <ResponsiveContainer width="100%" height={Math.max(120, 40 * scripts.length)}>
              <BarChart data={scripts} layout="vertical">
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" unit="%" />
                <YAxis type="category" dataKey="name" width={180} />
                <Tooltip formatter={(value) => `${Number(value).toFixed(1)}%`} />
                <Bar dataKey="rate" name="Return rate" fill="#2e7d4f" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="stats-table" aria-label="Scripts">
            <thead>
              <tr>
                <th scope="col">Script</th>
                <th scope="col">Voicemails</th>
                <th scope="col">Returns</th>
                <th scope="col">Return rate</th>
              </tr>
            </thead>
            <tbody>
              {scripts.map((s) => (
                <tr key={`${s.scriptId}@${s.version}`}>
                  <td>{s.name}</td>
                  <td className="num">{s.voicemails}</td>
                  <td className="num">{s.returns}</td>
                  <td className="num">{pct(s.returnRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
