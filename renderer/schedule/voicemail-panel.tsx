import { useCallback, useEffect, useId, useState } from 'react';
import type { PreparedVoicemail } from '../../shared/contract/index.js';
import { OUTCOME_LABELS, type Attempt } from '../../shared/domain.js';
import type { ApiError } from '../../shared/result.js';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { STAGE_LABELS } from '../ui/labels.js';
import './voicemail-panel.css';
import { PacedTeleprompter } from '../ui/paced-teleprompter.js';
import { ScriptText } from '../ui/script-text.js';
import { gapMarker, gapsIn } from '../../shared/script-gaps.js';

/** Until the voicemail settings load: an unhurried phone voice. */
const DEFAULT_READING_WPM = 165;

interface Props {
  leadId: string;
  /** Changes whenever the lead's history changes, so the script is prepared again (the stage may move on). */
  historyKey: string;
  onRecorded: (attempt: Attempt) => void;
}

/**
 * The teleprompter for a voicemail: the script for this lead's stage with
 * their values and the promised next attempt in their local time. "I left
 * this voicemail" records it with that exact promise and script version.
 */
export function VoicemailPanel({ leadId, historyKey, onRecorded }: Props) {
  const api = useApi();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [prepared, setPrepared] = useState<PreparedVoicemail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const [rateWpm, setRateWpm] = useState(DEFAULT_READING_WPM);
  useEffect(() => {
    void api.getVoicemailAudioSettings({}).then((result) => {
      if (result.ok) setRateWpm(result.value.rateWpm);
    });
  }, [api]);

  const prepare = useCallback(async () => {
    const result = await api.prepareVoicemail({ leadId });
    if (result.ok) {
      setPrepared(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, [api, leadId]);

  useEffect(() => {
    setPrepared(null);
    setDone(null);
    setError(null);
  }, [leadId]);

  useEffect(() => {
    if (open) void prepare();
  }, [open, prepare, historyKey]);

  const record = async () => {
    if (!prepared || busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    const result = await api.recordOutcome({
      leadId,
      outcome: 'voicemail',
      ...(prepared.promisedFor ? { promisedFor: prepared.promisedFor } : {}),
      ...(prepared.scriptId ? { scriptId: prepared.scriptId } : {}),
      ...(prepared.scriptVersion !== null ? { scriptVersion: prepared.scriptVersion } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setDone(
      `Recorded: ${OUTCOME_LABELS.voicemail}${prepared.promisedPhrase ? ` · next attempt promised ${prepared.promisedPhrase}` : ''}`,
    );
    onRecorded(result.value);
  };

  return (
    <section className={`voicemail-panel${open ? ' is-open' : ''}`} aria-labelledby={titleId}>
      <div className="voicemail-head">
        <h3 id={titleId}>Voicemail script</h3>
        <button type="button" className="button button-quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide script' : 'Show script'}
        </button>
      </div>
      {open ? (
        prepared ? (
          <>
            <p className="voicemail-stage">
              <span className={`badge stage-badge stage-${prepared.stage}`}>{STAGE_LABELS[prepared.stage]}</span>
              {prepared.promisedPhrase ? (
                <span className="voicemail-promise">
                  Promises <strong>{prepared.promisedPhrase}</strong> <span className="muted">(their time)</span>
                </span>
              ) : null}
            </p>
            {prepared.text ? <PacedTeleprompter text={prepared.text} rateWpm={rateWpm} /> : null}
            {gapsIn(prepared.text).length > 0 ? (
              <p className="voicemail-gaps">
                Not set yet:{' '}
                {gapsIn(prepared.text).map((variable, index) => (
                  <span key={variable}>
                    {index > 0 ? ', ' : ''}
                    <ScriptText text={gapMarker(variable)} leadId={leadId} />
                  </span>
                ))}
              </p>
            ) : null}
            {prepared.warnings.length > 0 ? (
              <ul className="voicemail-warnings" aria-label="Before you call">
                {prepared.warnings.map((warning) => (
                  <li key={warning} className="warning">
                    {warning}
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="actions voicemail-actions">
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void record()}>
                I left this voicemail
              </button>
            </div>
          </>
        ) : error ? null : (
          <p className="muted" aria-busy="true">
            Preparing the script…
          </p>
        )
      ) : null}
      {done ? (
        <p role="status" className="status-line">
          {done}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} title="The voicemail script is not available" /> : null}
    </section>
  );
}
