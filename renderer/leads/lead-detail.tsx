import { useCallback, useEffect, useState, type ComponentType, type Ref } from 'react';
import type { LeadDetail as LeadDetailData } from '../../shared/contract/index.js';
import type { ApiError } from '../../shared/result.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { DialButton } from '../ui/dial-button.js';
import { AttemptTimeline } from './attempt-timeline.js';
import { formatDateTime, localTimeIn } from '../ui/format-time.js';
import { usePhoneFormat } from '../ui/format-phone.js';
import { OutcomeRecorder } from './outcome-recorder.js';
import './lead-detail.css';

/**
 * What other features show inside a lead's detail, between its facts and the outcome recorder
 * (the app passes the schedule's panels). `onRecorded`: something was recorded, reload the lead.
 */
export type LeadPanels = ComponentType<{ detail: LeadDetailData; onRecorded: () => void }>;

interface Props {
  leadId: string;
  panels?: LeadPanels;
  recorderRef: Ref<HTMLFieldSetElement>;
  onClose: () => void;
}

export function LeadDetail({ leadId, panels: Panels, recorderRef, onClose }: Props) {
  const formatPhone = usePhoneFormat();
  const api = useApi();
  const [detail, setDetail] = useState<LeadDetailData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    const result = await api.getLead({ id: leadId });
    if (result.ok) {
      setDetail(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, [api, leadId]);

  useEffect(() => {
    setDetail(null);
    void load();
  }, [load]);

  useDialdeskEvent((event) => {
    if (event.type === 'leads.changed') void load();
  });

  if (error && !detail) {
    return (
      <aside className="lead-detail" aria-label="Lead">
        <ErrorMessage error={error} title="Could not open this lead" />
      </aside>
    );
  }
  if (!detail || detail.lead.id !== leadId) {
    return (
      <aside className="lead-detail" aria-label="Lead" aria-busy="true">
        <p className="muted">Loading lead…</p>
      </aside>
    );
  }

  const { lead, summary, attempts } = detail;
  const name = `${lead.firstName} ${lead.lastName}`.trim();
  const zone = lead.zones?.zones[0] ?? lead.timeZone;
  const localTime = localTimeIn(zone);

  return (
    <aside className="lead-detail" aria-labelledby="lead-detail-title">
      <header className="lead-detail-header">
        <div>
          <h2 id="lead-detail-title">{name || lead.company}</h2>
          {name && lead.company ? <p className="lead-detail-company">{lead.company}</p> : null}
        </div>
        <button type="button" className="button button-quiet" onClick={onClose} aria-label="Close lead">
          ✕
        </button>
      </header>
      {lead.doNotCall ? <p className="badge badge-danger">Do not call</p> : null}
      {detail.openCall ? (
        <p className="notice" role="status" aria-label="Waiting for its outcome">
          An answered call ({formatDateTime(detail.openCall.startedAt)}) is waiting for its outcome: record it below, or under To settle.
        </p>
      ) : null}
      <dl className="facts">
        <dt>Phone</dt>
        <dd>
          {formatPhone(lead.phone)}
          {lead.extension ? ` ext. ${lead.extension}` : ''}
          <DialButton number={lead.phone} leadId={lead.id} />
        </dd>
        {lead.otherPhones.length > 0 ? (
          <>
            <dt>Other numbers</dt>
            <dd>{lead.otherPhones.map((phone) => formatPhone(phone)).join(', ')}</dd>
          </>
        ) : null}
        {lead.email ? (
          <>
            <dt>Email</dt>
            <dd>{lead.email}</dd>
          </>
        ) : null}
        <dt>Time zone</dt>
        <dd>{zone ? `${zone}${localTime ? ` (now ${localTime})` : ''}` : lead.timeZoneInput || 'Unknown'}</dd>
        {lead.referrer ? (
          <>
            <dt>Referred by</dt>
            <dd>{lead.referrer}</dd>
          </>
        ) : null}
        {lead.reason ? (
          <>
            <dt>Reason to call</dt>
            <dd>{lead.reason}</dd>
          </>
        ) : null}
        {lead.notes ? (
          <>
            <dt>Notes</dt>
            <dd className="pre-line">{lead.notes}</dd>
          </>
        ) : null}
        <dt>Attempts</dt>
        <dd>
          {summary.attempts} ({summary.conversations} conversations, {summary.voicemails} voicemails)
        </dd>
      </dl>
      {Panels ? <Panels detail={detail} onRecorded={() => void load()} /> : null}
      <OutcomeRecorder ref={recorderRef} leadId={lead.id} onRecorded={() => void load()} />
      <section className="lead-history" aria-labelledby="lead-history-title">
        <h3 id="lead-history-title">History</h3>
        <AttemptTimeline attempts={attempts} />
      </section>
    </aside>
  );
}
