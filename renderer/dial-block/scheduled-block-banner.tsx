import { useEffect, useState } from 'react';
import type { ScheduledBlockView } from '../../shared/contract/index.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';
import { useApiAction } from '../ui/use-api-action.js';
import { typingInField } from '../ui/shortcut.js';

/**
 * A dial block set in Settings has started: "Your 10:00 block: 23 leads, 4 promised", and one key
 * (B, or the button) starts it. Gone once a block runs or the rep dismisses it.
 */
export function ScheduledBlockBanner({ onStarted }: { onStarted: () => void }) {
  const api = useApi();
  const { busy, error, run } = useApiAction();
  const [scheduled, setScheduled] = useState<ScheduledBlockView | null>(null);
  // The announcement may have gone out before this page connected (the app opened inside the block).
  useEffect(() => {
    let live = true;
    void api.getScheduledBlock({}).then((result) => live && result.ok && result.value && setScheduled(result.value));
    return () => {
      live = false;
    };
  }, [api]);
  useDialdeskEvent((event) => {
    if (event.type === 'dial-block.scheduled') setScheduled(event.block);
    if (event.type === 'dial-block.changed' && event.block && event.block.status !== 'ended') setScheduled(null);
  });

  const start = async () => {
    if (!scheduled) return;
    const started = await run(() => api.startBlock({ length: { kind: 'minutes', minutes: scheduled.minutes }, filter: {}, powerDial: false, pauseSeconds: 3 }));
    if (!started.ok) return;
    setScheduled(null);
    onStarted();
  };

  useEffect(() => {
    if (!scheduled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'b' || event.ctrlKey || event.metaKey || event.altKey || typingInField(event.target)) return;
      event.preventDefault();
      void start();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!scheduled) return null;
  return (
    <section className="reminders scheduled-block" aria-label="Dial block starting">
      <p className="reminders-title">
        Your {scheduled.startClock} block: {scheduled.leads} {scheduled.leads === 1 ? 'lead' : 'leads'}, {scheduled.promised} promised.
      </p>
      <button type="button" className="button button-primary" disabled={busy} onClick={() => void start()}>
        <kbd>B</kbd> Start the block
      </button>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          void api.dismissScheduledBlock({ id: scheduled.id });
          setScheduled(null);
        }}
      >
        Not now
      </button>
      {error ? <p role="alert">{error.message}</p> : null}
    </section>
  );
}
