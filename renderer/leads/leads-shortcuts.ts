import { MANUAL_OUTCOMES, OUTCOME_LABELS } from '../../shared/domain.js';
import type { Shortcut } from '../ui/shortcut.js';

/** The keys the lead list and the outcome recorder handle (lead-list.tsx, outcome-recorder.tsx). */
export const LEADS_SHORTCUTS: readonly Shortcut[] = [
  { keys: '↑ / ↓', does: 'Choose the previous or next lead in the list' },
  { keys: 'Page Up / Page Down', does: 'Move a page up or down the list' },
  { keys: 'Home / End', does: 'First or last lead' },
  { keys: 'Enter', does: 'Open the chosen lead and move to its outcomes' },
  ...MANUAL_OUTCOMES.map((outcome, i) => ({ keys: String(i + 1), does: `Record “${OUTCOME_LABELS[outcome]}” (in the outcome box)` })),
];
