import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/api-context.js';
import { useApiAction } from '../ui/use-api-action.js';
import { ErrorMessage } from '../ui/error-message.js';
import { useSettings } from '../ui/use-settings.js';
import { startPracticeBlock } from '../ui/start-practice-block.js';
import { Onboarding } from '../settings/onboarding.js';

interface Props {
  onImport: () => void;
  onSampleLoaded: () => void;
  /** After the practice block started: the Dial block screen, on its focus view. */
  onPractice: () => void;
}

/**
 * No leads and no history yet: first the short questions (until answered or skipped), then three
 * doors: bring in real leads, look around with the sample list, or try a practice block.
 */
export function FirstRun({ onImport, onSampleLoaded, onPractice }: Props) {
  const api = useApi();
  const settings = useSettings();
  const [answered, setAnswered] = useState(false);
  const sample = useApiAction();
  const practice = useApiAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const showsDoors = settings !== null && (settings.onboarding !== 'pending' || answered);
  // Straight after the questions, focus moves on to the doors.
  useEffect(() => {
    if (showsDoors && answered) heading.current?.focus();
  }, [showsDoors, answered]);

  if (!settings) return <p className="muted" aria-busy="true">Opening Dialdesk…</p>;
  if (!showsDoors) return <Onboarding settings={settings} onFinished={() => setAnswered(true)} />;

  const loadSample = async () => {
    const result = await sample.run(() => api.loadSampleLeads({}));
    if (result.ok) onSampleLoaded();
  };
  const tryPractice = async () => {
    const result = await practice.run(() => startPracticeBlock(api));
    if (result.ok) onPractice();
  };
  const busy = sample.busy || practice.busy;

  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <div className="card first-run-card">
        <h1 id="first-run-title" tabIndex={-1} ref={heading}>
          Welcome to Dialdesk
        </h1>
        <p>Start with your leads from your CRM export, look around with a sample list, or try a block of practice calls: no phone account needed.</p>
        <div className="first-run-actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={onImport}>
            Import a CSV
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void loadSample()} aria-label="Load sample leads">
            {sample.busy ? 'Loading sample leads…' : 'Load sample leads'}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void tryPractice()} aria-label="Try a practice block">
            {practice.busy ? 'Starting practice…' : 'Try a practice block'}
          </button>
        </div>
        {sample.error ? <ErrorMessage error={sample.error} title="Could not load the sample leads" /> : null}
        {practice.error ? <ErrorMessage error={practice.error} title="Could not start a practice block" /> : null}
      </div>
    </section>
  );
}
