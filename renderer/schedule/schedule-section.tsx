import { useEffect, useId, useState } from 'react';
import type { LeadScheduleView } from '../../shared/contract/index.js';
import type { Attempt, Lead } from '../../shared/domain.js';
import type { DialCheck } from '../../shared/schedule.js';
import { useApi } from '../api/api-context.js';
import { DayStrip } from './day-strip.js';
import { PROMISE_LABELS, STATUS_LABELS, ZONE_SOURCE_LABELS } from './labels.js';
import { stripModel } from './strip-geometry.js';
import { useNow } from '../ui/use-now.js';
import { useScheduleSettings } from './use-schedule-settings.js';
import { weekdayTimeIn } from '../ui/format-time.js';
import './schedule.css';

interface Props {
  lead: Lead;
  schedule: LeadScheduleView;
  attempts: Attempt[];
}

const RECHECK_MS = 60_000;

/**
 * When this lead may and will be called: zones and local time, whether a dial
 * is allowed now (and why not), the next attempt and any promise, cadence
 * progress, and the attempts on a 24-hour strip of the lead's local time.
 */
export function ScheduleSection({ lead, schedule, attempts }: Props) {
  const api = useApi();
  const titleId = useId();
  const now = new Date(useNow(30_000));
  const settings = useScheduleSettings();
  const [dialCheck, setDialCheck] = useState<DialCheck>(schedule.dialCheck);

  // The window opens and closes as time passes: re-ask the core now and then.
  useEffect(() => {
    setDialCheck(schedule.dialCheck);
    const timer = setInterval(() => {
      void api.checkDial({ leadId: lead.id }).then((result) => {
        if (result.ok) setDialCheck(result.value);
      });
    }, RECHECK_MS);
    return () => clearInterval(timer);
  }, [api, lead.id, schedule.dialCheck]);

  const zones = schedule.zones;
  const zone = zones?.zones[0] ?? lead.timeZone;
  const model = zone
    ? stripModel({
        zone,
        bands: schedule.bands,
        legalWindow: settings?.legalWindow ?? null,
        attempts,
        next: schedule.next,
        now,
      })
    : null;
  const cadence = Math.min(schedule.cadenceAttempts, schedule.maxAttempts);

  return (
    <section className="schedule-section" aria-labelledby={titleId}>
      <h3 id={titleId}>Schedule</h3>
      <dl className="facts schedule-facts">
        <dt>{zones && zones.zones.length > 1 ? 'Calling zones' : 'Calling zone'}</dt>
        <dd>
          {zones && zones.zones.length > 0 ? (
            <>
              {zones.ambiguous ? (
                <span className="zone-ambiguous">
                  Ambiguous, one of:
                  <ul className="zone-candidates" aria-label="Possible time zones">
                    {zones.zones.map((z) => (
                      <li key={z}>
                        {z} <span className="muted">({weekdayTimeIn(z, now) ?? '?'})</span>
                      </li>
                    ))}
                  </ul>
                </span>
              ) : (
                zones.zones[0]
              )}
              <span className="muted zone-source"> · {ZONE_SOURCE_LABELS[zones.source]}</span>
            </>
          ) : (
            (lead.timeZoneInput || 'Unknown')
          )}
        </dd>
        <dt>Local time</dt>
        <dd>{zone ? (weekdayTimeIn(zone, now) ?? '—') : '—'}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`badge status-badge status-${schedule.status}`}>{STATUS_LABELS[schedule.status]}</span>
        </dd>
        <dt>Dial now</dt>
        <dd className={dialCheck.allowed ? 'dial-ok' : 'dial-refused'}>
          {dialCheck.allowed ? 'Allowed now' : dialCheck.reason}
        </dd>
        <dt>Next attempt</dt>
        <dd className="next-attempt">
          {schedule.next ? (
            <>
              <span className="next-phrase">{schedule.next.phrase}</span>
              {schedule.next.band ? <span className="muted nowrap"> · band {schedule.next.band}</span> : null}
              {schedule.next.promised ? <span className="badge badge-promised">Promised</span> : null}
            </>
          ) : (
            <span className="muted">None planned</span>
          )}
        </dd>
        {schedule.promise ? (
          <>
            <dt>Promise</dt>
            <dd className="promise">
              {schedule.promise.phrase}{' '}
              <span className={`badge promise-badge promise-${schedule.promise.status}`}>{PROMISE_LABELS[schedule.promise.status]}</span>
            </dd>
          </>
        ) : null}
        <dt>Cadence</dt>
        <dd className="cadence">
          <progress
            className="cadence-bar"
            max={schedule.maxAttempts}
            value={cadence}
            aria-label={`Cadence: ${schedule.cadenceAttempts} of ${schedule.maxAttempts} attempts`}
          />
          <span className="cadence-text">
            {schedule.cadenceAttempts} of {schedule.maxAttempts} attempts
          </span>
        </dd>
      </dl>
      {model && zone ? <DayStrip model={model} zone={zone} /> : <p className="muted">No time zone is known, so there is no day strip.</p>}
    </section>
  );
}
