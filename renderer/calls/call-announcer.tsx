import { useState } from 'react';
import type { CallView } from '../../shared/sip.js';
import { useDialdeskEvent } from '../api/api-context.js';

/** What a screen reader hears when a call changes state; null when the change is not worth a word. */
export function callAnnouncement(call: CallView): string | null {
  const who = call.displayName || call.number;
  if (call.direction === 'inbound' && call.status === 'ringing') return `Incoming call from ${who}`;
  switch (call.status) {
    case 'dialing':
      return `Calling ${who}`;
    case 'ringing':
      return `Ringing ${who}`;
    case 'connected':
      return `Connected with ${who}`;
    case 'ended':
      return `Call with ${who} ended${call.endReason ? `: ${call.endReason.replaceAll('-', ' ')}` : ''}`;
    default:
      return null;
  }
}

/**
 * One live region, mounted for the app's lifetime, that announces every call
 * state change (a region added together with its text is often not read).
 */
export function CallAnnouncer() {
  const [text, setText] = useState('');
  useDialdeskEvent((event) => {
    if (event.type !== 'sip.call' || event.call.status === event.previous) return;
    const said = callAnnouncement(event.call);
    if (said) setText(said);
  });
  return (
    // A live region without role="status": screens keep their own single status line.
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="call-announcer">
      {text}
    </div>
  );
}
