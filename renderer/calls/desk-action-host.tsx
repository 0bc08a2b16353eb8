import { useEffect, useRef, useState } from 'react';
import { useApi, useDialdeskEvent } from '../api/api-context.js';
import { onDeskAction, performLineAction, requestDeskAction } from '../ui/desk-actions.js';
import { useSip } from '../ui/use-sip.js';

/**
 * Performs the desk actions a headset button or a global key asks for
 * (answer, hang up, mute, pause the block) and says what was done, for the
 * rep who is not looking and for screen readers. Drop voicemail is the
 * voicemail drop's.
 */
export function DeskActionHost() {
  const api = useApi();
  const { state } = useSip();
  const latest = useRef(state);
  latest.current = state;
  const [said, setSaid] = useState('');

  useDialdeskEvent((event) => {
    if (event.type === 'desk.action') requestDeskAction(event.action);
  });

  useEffect(
    () =>
      onDeskAction((action) => {
        if (action === 'drop-voicemail') return;
        void performLineAction(api, latest.current, action).then((done) => {
          if (done) setSaid(done);
        });
      }),
    [api],
  );

  // Rendered only once something was done: an always-present empty status would be one more "status" on every screen.
  return said ? (
    <p className="visually-hidden" role="status" aria-live="polite">
      {said}
    </p>
  ) : null;
}
