import type { MouseEvent } from 'react';
import { GAPS, gapLabel, splitGaps } from '../../shared/script-gaps.js';
import type { ScriptVariable } from '../../shared/schedule.js';
import { useGoTo } from './go-to.js';

/**
 * Script text as the rep sees it: a variable with no value shows as a marked link
 * ("your name: not set") to where it is set, never as a gap (the rule: shared/script-gaps.ts).
 */
export function ScriptText({ text, leadId }: { text: string; leadId?: string }) {
  const goTo = useGoTo();
  const follow = (variable: ScriptVariable) => (event: MouseEvent) => {
    event.preventDefault();
    const gap = GAPS[variable];
    if (gap.home === 'lead' && leadId) goTo?.lead(leadId);
    else goTo?.setting(gap.field);
  };
  return (
    <>
      {splitGaps(text).map((piece, index) =>
        piece.kind === 'text' ? (
          piece.text
        ) : (
          <a key={index} href="#" className="script-gap" onClick={follow(piece.variable)}>
            {gapLabel(piece.variable)}
          </a>
        ),
      )}
    </>
  );
}
