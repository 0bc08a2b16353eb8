import { useEffect, useState } from 'react';
import type { FocusLead } from '../../shared/dial-block.js';
import { useApi } from '../api/api-context.js';

/**
 * What to say first on a call dialled from a lead or a reminder, as the dial block's focus view
 * says it: "Calling as promised — I said I'd try you at 8:15", "Thanks for calling me back", or
 * the script's first line. Asked once when the call starts: the opener is for its first seconds.
 */
export function CallOpener({ leadId, answered }: { leadId: string; answered: boolean }) {
  const api = useApi();
  const [focus, setFocus] = useState<FocusLead | null>(null);
  useEffect(() => {
    let live = true;
    void api.getLeadFocus({ leadId }).then((result) => live && result.ok && setFocus(result.value));
    return () => {
      live = false;
    };
  }, [api, leadId]);
  if (!focus) return null;
  return (
    <div className="call-opener">
      <blockquote className={`focus-opener opener-${focus.openerKind}`} aria-label="Opener">
        {focus.opener}
      </blockquote>
      {focus.lastPromise ? <p className="muted">Promised last time: {focus.lastPromise.phrase}</p> : null}
      {answered ? (
        <p className="focus-permission">
          Ask: “May I contact you again when there is something new?” — <kbd>Y</kbd> yes, <kbd>N</kbd> no
        </p>
      ) : null}
    </div>
  );
}
