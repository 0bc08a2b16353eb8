import { useCallback, useEffect, useState } from 'react';
import { useApi, useDialdeskEvent } from '../api/api-context.js';
import { clockTime } from '../ui/format-time.js';
import { InlineError } from '../ui/error-message.js';
import { useApiAction } from '../ui/use-api-action.js';
import type { AppStatus, PracticeRun } from '../../shared/contract/index.js';
import './practice.css';

/**
 * On every screen while practice runs: what it is, and the way back. Practice calls ring no phone,
 * use sample leads and their own data folder; nothing here reaches the rep's real history or exports.
 */
export function PracticeBanner({ onLeft }: { onLeft: (status: AppStatus) => void }) {
  const api = useApi();
  const { busy, error, run } = useApiAction();
  const [practiceRun, setPracticeRun] = useState<PracticeRun | null>(null);
  const reload = useCallback(async () => {
    const result = await api.getPracticeRun({});
    if (result.ok) setPracticeRun(result.value);
  }, [api]);
  useEffect(() => void reload(), [reload]);
  useDialdeskEvent((event) => {
    if (event.type === 'leads.changed' || (event.type === 'sip.call' && event.call.status === 'ended')) void reload();
  });
  const first = practiceRun?.firstVoicemailLeftAt ?? null;
  const leave = async () => {
    const result = await run(() => api.leavePractice({}));
    if (result.ok) onLeft(result.value);
  };
  return (
    <div className="practice-banner" role="region" aria-label="Practice mode">
      <strong className="practice-badge">PRACTICE</strong>
      <span>Sample leads on a practice line: no call leaves this computer, and nothing here reaches your real data.</span>
      {/* data-first-voicemail-at: when the first practice voicemail was left (ISO), for the first-minute bench. */}
      <span className="muted" role="status" aria-label="Practice calls" data-first-voicemail-at={first ?? ''}>
        {practiceRun ? `${practiceRun.calls.length} practice ${practiceRun.calls.length === 1 ? 'call' : 'calls'}` : ''}
        {first ? ` · first voicemail left at ${clockTime(first)}` : ''}
      </span>
      <button type="button" className="button" disabled={busy} onClick={() => void leave()}>
        Leave practice
      </button>
      <InlineError error={error} />
    </div>
  );
}
