import { InlineError } from '../ui/error-message.js';
import { useEffect, useRef, useState } from 'react';
import { clockTime } from '../ui/format-time.js';
import { BLOCK_MINUTES, type BlockLength, type BlockView } from '../../shared/dial-block.js';
import { useApi } from '../api/api-context.js';
import { useApiAction } from '../ui/use-api-action.js';
import { usePractice } from '../ui/use-practice.js';
import { startPracticeBlock } from '../ui/start-practice-block.js';

/** Length, filter and power-dial pause of a new block; starts it over the leads due now. */
export function BlockStart({ onStarted }: { onStarted: (view: BlockView) => void }) {
  const api = useApi();
  const { busy, error, run } = useApiAction();
  const [lengthKind, setLengthKind] = useState<'minutes' | 'leads'>('minutes');
  const [minutes, setMinutes] = useState<(typeof BLOCK_MINUTES)[number]>(45);
  const [leads, setLeads] = useState(20);
  const [timeZone, setTimeZone] = useState('');
  const [stage, setStage] = useState<'' | 'first' | 'follow-up' | 'opt-out'>('');
  const [text, setText] = useState('');
  const [powerDial, setPowerDial] = useState(false);
  const [pauseSeconds, setPauseSeconds] = useState(3);
  // "Start then": a block with nothing due now can wait for the next due lead, while this screen is open.
  const [waitingUntil, setWaitingUntil] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  // Without a phone account, practice is the way to see a block work: offered beside Start block.
  const practice = usePractice();
  const [noAccount, setNoAccount] = useState(false);
  useEffect(() => {
    let live = true;
    void api.getSipAccount({}).then((result) => live && setNoAccount(result.ok && result.value === null));
    return () => void (live = false);
  }, [api]);
  const tryPractice = async () => {
    const result = await run(() => startPracticeBlock(api));
    if (result.ok) onStarted(result.value);
  };

  const startNow = async () => {
    const length: BlockLength = lengthKind === 'minutes' ? { kind: 'minutes', minutes } : { kind: 'leads', leads };
    const filter = { ...(timeZone ? { timeZone } : {}), ...(stage ? { stage } : {}), ...(text.trim() ? { text: text.trim() } : {}) };
    const result = await run(() => api.startBlock({ length, filter, powerDial, pauseSeconds }));
    if (result.ok) onStarted(result.value);
  };
  const start = async (event: React.FormEvent) => {
    event.preventDefault();
    await startNow();
  };
  const startAt = (iso: string) => {
    setWaitingUntil(iso);
    timer.current = setTimeout(() => {
      setWaitingUntil(null);
      void startNow();
    }, Math.max(0, Date.parse(iso) - Date.now()));
  };
  const stopWaiting = () => {
    if (timer.current) clearTimeout(timer.current);
    setWaitingUntil(null);
  };

  return (
    <form className="block-start" aria-label="Start a dial block" onSubmit={(e) => void start(e)}>
      <fieldset>
        <legend>Length</legend>
        <label>
          <input type="radio" name="length" checked={lengthKind === 'minutes'} onChange={() => setLengthKind('minutes')} /> Minutes
        </label>
        <select aria-label="Minutes" value={minutes} disabled={lengthKind !== 'minutes'} onChange={(e) => setMinutes(Number(e.target.value) as typeof minutes)}>
          {BLOCK_MINUTES.map((m) => (
            <option key={m} value={m}>
              {m} min
            </option>
          ))}
        </select>
        <label>
          <input type="radio" name="length" checked={lengthKind === 'leads'} onChange={() => setLengthKind('leads')} /> Leads
        </label>
        <input aria-label="Number of leads" type="number" min={1} max={1000} value={leads} disabled={lengthKind !== 'leads'} onChange={(e) => setLeads(Number(e.target.value))} />
      </fieldset>
      <fieldset>
        <legend>Which leads</legend>
        <label>
          Time zone <input value={timeZone} placeholder="America/Chicago" onChange={(e) => setTimeZone(e.target.value)} />
        </label>
        <label>
          Stage
          <select value={stage} onChange={(e) => setStage(e.target.value as typeof stage)}>
            <option value="">Any</option>
            <option value="first">First voicemail</option>
            <option value="follow-up">Follow-up</option>
            <option value="opt-out">Opt-out</option>
          </select>
        </label>
        <label>
          Tag, list or text <input value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </fieldset>
      <fieldset>
        <legend>Power dial</legend>
        <label>
          <input type="checkbox" checked={powerDial} onChange={(e) => setPowerDial(e.target.checked)} /> Dial the next lead by itself
        </label>
        <label>
          Pause between calls (s)
          <input type="number" min={0} max={10} value={pauseSeconds} onChange={(e) => setPauseSeconds(Number(e.target.value))} />
        </label>
      </fieldset>
      <button type="submit" className="button button-primary" disabled={busy}>
        Start block
      </button>
      {noAccount && !practice ? (
        <button type="button" className="button" disabled={busy} onClick={() => void tryPractice()}>
          Try a practice block
        </button>
      ) : null}
      <InlineError error={error} />
      {error?.retryAt && !waitingUntil && (
        <button type="button" className="button" onClick={() => startAt(error.retryAt!)}>
          Start at {clockTime(error.retryAt)}
        </button>
      )}
      {waitingUntil && (
        <p role="status">
          The block starts at {clockTime(waitingUntil)}, when the next lead is due.{' '}
          <button type="button" className="button" onClick={stopWaiting}>
            Don’t wait
          </button>
        </p>
      )}
    </form>
  );
}
