import { InlineError } from '../ui/error-message.js';
import { useEffect, useRef, useState } from 'react';
import type { BlockView, FocusLead } from '../../shared/dial-block.js';
import type { Result } from '../../shared/result.js';
import { useApi } from '../api/api-context.js';
import { instantOfLocalInput } from '../ui/format-time.js';
import { useApiAction } from '../ui/use-api-action.js';
import { useRepZone } from '../ui/use-settings.js';
import { usePractice } from '../ui/use-practice.js';
import { actionForKey, HeldKey, OUTCOME_KEYS, SHORTCUTS, type BlockAction } from './shortcuts.js';
import { mmss } from '../../shared/clock-text.js';
import { ScriptText } from '../ui/script-text.js';
import { usePhoneFormat } from '../ui/format-phone.js';
import { OUTCOME_LABELS, OUTCOMES, outcomeColour, type Outcome } from '../../shared/outcomes.js';

const isOutcome = (value: string): value is Outcome => (OUTCOMES as readonly string[]).includes(value);

const PHASE_TEXT: Record<BlockView['phase'], string> = {
  ready: 'Ready — Space dials',
  countdown: 'Dialling next lead…',
  dialing: 'Dialling…',
  ringing: 'Ringing — Esc cancels',
  answered: 'Answered — conversation',
  settling: 'Call ended — what was it?',
};

type Asking = 'skip' | 'call-back' | 'work-again';

/** A reached lead is usually worth another cadence in about a month; the rep can change it. */
const DEFAULT_WORK_AGAIN_DAYS = 30;

/** The one question each asking action puts to the rep before it is recorded. */
const ASK: Record<Asking, { label: string; submit: string; input: React.InputHTMLAttributes<HTMLInputElement> }> = {
  skip: { label: 'Why skip this lead?', submit: 'Skip', input: { type: 'text', maxLength: 200 } },
  'call-back': { label: 'Call back at (your time)', submit: 'Record call-back', input: { type: 'datetime-local' } },
  'work-again': { label: 'Work this lead again in how many days?', submit: 'Record conversation', input: { type: 'number', min: 1, max: 365, step: 1 } },
};

/** Block time: "4:05", "1:02:03" past an hour. */
const clock = mmss;

/** A day of the lead's attempts: one mark per attempt at its local minute. */
function DayStrip({ lead }: { lead: FocusLead }) {
  return (
    <div className="block-strip" role="img" aria-label={`Attempts by the lead's local time: ${lead.strip.length === 0 ? 'none yet' : lead.strip.length}`}>
      {[0, 6, 12, 18].map((h) => (
        <span key={h} className="block-strip-hour" style={{ left: `${(h / 24) * 100}%` }}>
          {h}:00
        </span>
      ))}
      {lead.strip.map((mark, i) => (
        <span
          key={i}
          className={`block-strip-mark outcome-${mark.outcome}`}
          style={{ left: `${(mark.minute / 1440) * 100}%`, background: isOutcome(mark.outcome) ? outcomeColour(mark.outcome) : undefined }}
          title={isOutcome(mark.outcome) ? OUTCOME_LABELS[mark.outcome] : mark.outcome}
        />
      ))}
    </div>
  );
}

/**
 * One lead, large, with everything the rep needs for this call, driven from the keyboard.
 * Every key is in SHORTCUTS and shown below; the buttons do the same for a mouse.
 */
export function FocusView({ block, onChange }: { block: BlockView; onChange: (view: BlockView | null) => void }) {
  const api = useApi();
  const { busy, error, run } = useApiAction();
  const [help, setHelp] = useState(true);
  const repZone = useRepZone();
  const formatPhone = usePhoneFormat();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [text, setText] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const root = useRef<HTMLElement>(null);
  const lead = block.current;
  // The running time as of the view; the timer counts on from when it arrived. Keyed on the
  // time itself: a view patched in the page (the quiet counter) keeps the core's elapsedMs.
  const [viewAt, setViewAt] = useState(() => Date.now());
  useEffect(() => setViewAt(Date.now()), [block.elapsedMs]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (!asking) root.current?.focus();
  }, [asking, block.phase, lead?.leadId]);

  const apply = async (result: Promise<Result<BlockView>>) => {
    const answer = await run(() => result);
    if (answer.ok) onChange(answer.value);
  };
  const settle = (input: Parameters<typeof api.settleCall>[0]) => run(() => api.settleCall(input));

  const act = async (action: BlockAction) => {
    const callId = block.callId;
    switch (action.kind) {
      case 'dial':
        return apply(api.blockDial({}));
      case 'cancel':
        return apply(api.blockCancel({}));
      case 'hang-up':
        if (callId) await run(() => api.hangUp({ callId }));
        return;
      case 'settle':
        if (callId) await settle({ id: callId, outcome: action.outcome });
        return;
      case 'permission':
        if (callId) await settle({ id: callId, outcome: 'conversation', permission: action.answer });
        return;
      case 'call-back':
      case 'skip':
      case 'work-again':
        setText(action.kind === 'work-again' ? String(DEFAULT_WORK_AGAIN_DAYS) : '');
        setAsking(action.kind);
        return;
      case 'pause':
        return apply(api.pauseBlock({}));
      case 'resume':
        return apply(api.resumeBlock({}));
      case 'end': {
        const ended = await run(() => api.endBlock({}));
        if (ended.ok) onChange(null);
        return;
      }
      case 'help':
        setHelp((h) => !h);
        return;
    }
  };

  const held = useRef(new HeldKey()).current;
  useEffect(() => {
    if (busy || asking) return;
    const action = held.release(block);
    if (action) void act(action);
    // Judged once the action in flight is done, against the block as it is then (`act` reads that block).
  }, [busy, asking, block]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (asking || event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    if (!actionForKey(event.key, block)) return;
    event.preventDefault();
    const action = held.press(event.key, block, busy);
    if (action) void act(action);
  };

  const submitAsk = async (event: React.FormEvent) => {
    event.preventDefault();
    if (asking === 'skip' && text.trim()) await apply(api.skipLead({ reason: text.trim() }));
    if (asking === 'call-back' && text && block.callId) await settle({ id: block.callId, outcome: 'call-back', callbackAt: instantOfLocalInput(text, repZone) ?? text });
    if (asking === 'work-again' && text && block.callId) await settle({ id: block.callId, outcome: 'conversation', workAgainInDays: Number(text) });
    setAsking(null);
  };

  const countdown = block.countdownEndsAt ? Math.max(0, Math.ceil((Date.parse(block.countdownEndsAt) - now) / 1000)) : null;
  const elapsed = block.elapsedMs + (block.status === 'running' ? Math.max(0, now - viewAt) : 0);
  const answered = block.phase === 'answered' || block.phase === 'settling';
  const practice = usePractice();

  return (
    <section className={`focus-view phase-${block.phase}`} aria-label="Dial block" tabIndex={-1} ref={root} onKeyDown={onKeyDown}>
      <header className="block-head">
        {practice ? (
          <strong className="practice-badge" title="A practice block: sample leads, no call leaves this computer">
            PRACTICE
          </strong>
        ) : null}
        <span className="block-timer num" aria-label="Block time">
          {clock(elapsed)}
          {block.length.kind === 'minutes' ? ` / ${block.length.minutes}:00` : ` · ${block.counts.dials} of ${block.length.leads} leads`}
        </span>
        <ul className="block-counts" aria-label="Block counts">
          <li>Dials {block.counts.dials}</li>
          <li>Conversations {block.counts.conversations}</li>
          <li>Voicemails {block.counts.voicemailsLeft}</li>
          <li>Left {block.remaining}</li>
        </ul>
        <span className="block-quiet muted" aria-label="Calls held for the returns slot">
          {block.counts.suppressedInbound > 0 ? `${block.counts.suppressedInbound} held for returns` : ''}
        </span>
      </header>

      {block.status === 'paused' ? (
        <p className="block-paused" role="status">
          {block.restored ? 'Your unfinished block was restored.' : 'Paused.'} Press P to resume, E to end.
        </p>
      ) : null}

      <p className="block-phase" role="status" aria-live="polite">
        {countdown !== null ? `Dialling the next lead in ${countdown} s — Space dials now, Esc stops` : PHASE_TEXT[block.phase]}
      </p>

      {lead ? (
        <div className="focus-body">
          <article className="focus-lead" aria-label={`Lead ${lead.name || lead.company}`}>
            <h2 className="focus-name">{lead.name || lead.company}</h2>
            <p className="focus-company">{lead.company}</p>
            <p className="focus-meta">
              <span className="num">{formatPhone(lead.phone)}</span> · <span aria-label="Lead's local time">{lead.localTime || '—'} local</span>
              {lead.timeZone ? <span className="muted"> ({lead.timeZone})</span> : null} · {lead.attempts} attempts
            </p>
            <DayStrip lead={lead} />
            {lead.lastPromise ? <p className="focus-promise">Promised last time: {lead.lastPromise.phrase}</p> : null}
            <blockquote className={`focus-opener opener-${lead.openerKind}`} aria-label="Opener">
              <ScriptText text={lead.opener} leadId={lead.leadId} />
            </blockquote>
            {answered ? (
              <p className="focus-permission">
                Ask: “May I contact you again when there is something new?” — <kbd>Y</kbd> yes, <kbd>N</kbd> no
              </p>
            ) : null}
            {lead.notes ? <p className="focus-notes">{lead.notes}</p> : null}
            {lead.refused ? <p className="warning">{lead.refused}</p> : null}
            {lead.realLife ? (
              <p className="focus-real-life" aria-label="In real life">
                {lead.realLife}
              </p>
            ) : null}
          </article>
          <aside className="focus-script" aria-label="Voicemail script">
            <h3>Voicemail</h3>
            <p>{lead.voicemail.text ? <ScriptText text={lead.voicemail.text} leadId={lead.leadId} /> : 'No voicemail script for this lead.'}</p>
            {lead.voicemail.promisedPhrase ? <p className="muted">Promises: {lead.voicemail.promisedPhrase}</p> : null}
          </aside>
        </div>
      ) : null}

      {asking ? (
        <form className="block-ask" onSubmit={(e) => void submitAsk(e)} onKeyDown={(e) => e.key === 'Escape' && setAsking(null)}>
          <label>
            {ASK[asking].label}
            <input autoFocus {...ASK[asking].input} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit" className="button">
            {ASK[asking].submit}
          </button>
        </form>
      ) : null}

      <div className="block-actions">
        {answered
          ? OUTCOME_KEYS.map((o) => (
              <button key={o.key} type="button" className="button" disabled={busy} onClick={() => void act({ kind: 'settle', outcome: o.outcome })}>
                <kbd>{o.key}</kbd> {o.label}
              </button>
            ))
          : null}
        {answered ? (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => void act({ kind: 'call-back' })}>
              <kbd>7</kbd> Call back at…
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void act({ kind: 'work-again' })}>
              <kbd>W</kbd> Work again in…
            </button>
          </>
        ) : null}
        {block.phase === 'ready' || block.phase === 'countdown' ? (
          <>
            <button type="button" className="button button-primary" disabled={busy || block.status !== 'running'} onClick={() => void act({ kind: 'dial' })}>
              <kbd>Space</kbd> Dial
            </button>
            <button type="button" className="button" disabled={busy || block.status !== 'running'} onClick={() => void act({ kind: 'skip' })}>
              <kbd>S</kbd> Skip…
            </button>
          </>
        ) : null}
        <button type="button" className="button" disabled={busy} onClick={() => void act(block.status === 'paused' ? { kind: 'resume' } : { kind: 'pause' })}>
          <kbd>P</kbd> {block.status === 'paused' ? 'Resume' : 'Pause'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void act({ kind: 'end' })}>
          <kbd>E</kbd> End block
        </button>
      </div>
      <InlineError error={error} />
      <details className="block-shortcuts" open={help}>
        <summary onClick={(e) => (e.preventDefault(), setHelp((h) => !h))}>Keyboard shortcuts (?)</summary>
        <table aria-label="Keyboard shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <th scope="row">
                  <kbd>{s.keys}</kbd>
                </th>
                <td>{s.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
