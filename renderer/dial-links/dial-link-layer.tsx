import { useCallback, useEffect, useRef, useState } from 'react';
import type { DialLinkTarget } from '../../shared/contract/index.js';
import { DIAL_LINK_CHANNEL, dialLinkHandoffSchema, type DialLinkAnswer } from '../../shared/web-shell.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';
import { linkInAddress } from './link-address.js';
import './dial-links.css';

type Shown =
  | { kind: 'none' }
  | { kind: 'refused'; reason: string }
  | { kind: 'opened'; target: DialLinkTarget; lead: DialLinkTarget['leads'][number] }
  | { kind: 'choose'; target: DialLinkTarget }
  | { kind: 'create'; target: DialLinkTarget; error: string | null; busy: boolean };

/** One CSV row for the core's own import (its checks, its normalisation): a new lead is no special path. */
function oneLeadCsv(name: string, number: string): string {
  const cell = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const csv = `Full Name,Phone\n${cell(name)},${cell(number)}\n`;
  return btoa(String.fromCharCode(...new TextEncoder().encode(csv)));
}

/**
 * A click-to-dial link (tel:, callto:, sip:, dialdesk://) opens the lead that
 * owns the number, lets the rep choose among several, or offers to create
 * one. It NEVER dials: the rep presses Dial on the lead, and the gate judges
 * that call as always. A malformed link shows why and does nothing else.
 */
export function DialLinkLayer({ onOpenLead }: { onOpenLead: (leadId: string) => void }) {
  const api = useApi();
  const [shown, setShown] = useState<Shown>({ kind: 'none' });
  const [name, setName] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  /** Opens a link; what became of it: opened (or offered), refused with a reason, or `unavailable` (this tab has no line to Dialdesk). */
  const open = useCallback(
    async (url: string): Promise<{ refused: string | null } | 'unavailable'> => {
      const result = await api.resolveDialLink({ url });
      if (!result.ok) {
        setShown({ kind: 'refused', reason: result.error.message });
        return result.error.code === 'unavailable' ? 'unavailable' : { refused: result.error.message };
      }
      const target = result.value;
      if (target.leads.length === 1) {
        onOpenLead(target.leads[0].id);
        setShown({ kind: 'opened', target, lead: target.leads[0] });
      } else if (target.leads.length > 1) {
        setShown({ kind: 'choose', target });
      } else {
        setName(target.name ?? '');
        setShown({ kind: 'create', target, error: null, busy: false });
      }
      return { refused: null };
    },
    [api, onOpenLead],
  );

  const takeDelivered = useCallback(async () => {
    const taken = await api.takeDialLink({});
    if (taken.ok && taken.value !== null) await open(taken.value);
  }, [api, open]);

  useEffect(() => {
    // The web shell's handler address carries the link; the Electron app's inbox holds the launching one.
    const { link, rest } = linkInAddress(location.href);
    if (link !== null) {
      history.replaceState(history.state, '', rest);
      void open(link);
    }
    void takeDelivered();
  }, [open, takeDelivered]);

  useEffect(() => {
    // The web shell's handler page (link-handoff.ts) hands over a link clicked on another site. Same origin only (the
    // browser's rule for BroadcastChannel); the message is checked, and the link opens here exactly as any other.
    if (typeof BroadcastChannel !== 'function') return;
    const channel = new BroadcastChannel(DIAL_LINK_CHANNEL);
    let closed = false;
    channel.addEventListener('message', (event: MessageEvent<unknown>) => {
      const handoff = dialLinkHandoffSchema.safeParse(event.data);
      if (!handoff.success) return;
      void open(handoff.data.link).then((outcome) => {
        // A tab replaced by a newer one stays silent: the tab that owns the line answers.
        if (outcome === 'unavailable' || closed) return;
        const answer: DialLinkAnswer = { type: 'dial-link-answer', id: handoff.data.id, refused: outcome.refused };
        channel.postMessage(answer);
      });
    });
    return () => {
      closed = true;
      channel.close();
    };
  }, [open]);

  useDialdeskEvent((event) => {
    if (event.type === 'dial-link.received') void takeDelivered();
  });

  useEffect(() => {
    if (shown.kind !== 'none') heading.current?.focus();
  }, [shown]);

  const create = async (target: DialLinkTarget) => {
    const trimmed = name.trim();
    if (!trimmed) {
      setShown({ kind: 'create', target, error: 'Give the lead a name.', busy: false });
      return;
    }
    setShown({ kind: 'create', target, error: null, busy: true });
    const mapping = { firstName: null, lastName: null, fullName: 0, company: null, email: null, phones: [1], extension: null, timeZone: null, referrer: null, reason: null, notes: null };
    const report = await api.commitImport({ fileName: 'click-to-dial link', contentBase64: oneLeadCsv(trimmed, target.number), mapping });
    if (!report.ok || report.value.imported !== 1) {
      const why = report.ok ? (report.value.rejected[0]?.reason ?? 'the lead was not added') : report.error.message;
      setShown({ kind: 'create', target, error: `Could not create the lead: ${why}`, busy: false });
      return;
    }
    const again = await api.resolveDialLink({ url: `tel:${target.number}` });
    const lead = again.ok ? again.value.leads[0] : undefined;
    if (lead) {
      onOpenLead(lead.id);
      setShown({ kind: 'opened', target, lead });
    } else setShown({ kind: 'none' });
  };

  if (shown.kind === 'none') return null;
  const dismiss = () => setShown({ kind: 'none' });
  return (
    <section className={`dial-link${shown.kind === 'refused' ? ' dial-link-refused' : ''}`} aria-labelledby="dial-link-title" role={shown.kind === 'refused' ? 'alert' : 'status'}>
      {shown.kind === 'refused' ? (
        <>
          <h2 id="dial-link-title" ref={heading} tabIndex={-1}>
            Link not opened
          </h2>
          <p>{shown.reason}</p>
        </>
      ) : shown.kind === 'opened' ? (
        <>
          <h2 id="dial-link-title" ref={heading} tabIndex={-1}>
            Opened {shown.lead.name || shown.lead.company} from a {shown.target.scheme}: link
          </h2>
          <p>
            {shown.target.number}
            {shown.target.extension ? ` ext. ${shown.target.extension}` : ''} — nothing was dialled; press Dial on the lead to call.
          </p>
        </>
      ) : shown.kind === 'choose' ? (
        <>
          <h2 id="dial-link-title" ref={heading} tabIndex={-1}>
            {shown.target.leads.length} leads have {shown.target.number}
          </h2>
          <ul className="dial-link-choices">
            {shown.target.leads.map((lead) => (
              <li key={lead.id}>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    onOpenLead(lead.id);
                    setShown({ kind: 'opened', target: shown.target, lead });
                  }}
                >
                  Open {lead.name || lead.company}
                  {lead.company && lead.name ? ` (${lead.company})` : ''}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <h2 id="dial-link-title" ref={heading} tabIndex={-1}>
            No lead has {shown.target.number}
          </h2>
          <form
            className="dial-link-create"
            onSubmit={(event) => {
              event.preventDefault();
              void create(shown.target);
            }}
          >
            <label>
              Name <input value={name} onChange={(event) => setName(event.target.value)} maxLength={200} />
            </label>
            <button type="submit" className="button button-primary" disabled={shown.busy}>
              Create the lead
            </button>
            {shown.error ? <p role="alert">{shown.error}</p> : null}
          </form>
        </>
      )}
      <button type="button" className="button" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}
