import type { ScriptStage } from '../../shared/domain.js';

/** How a voicemail script's stage reads wherever a script is named (the scripts screen, a lead's voicemail). */
export const STAGE_LABELS: Record<ScriptStage, string> = {
  first: 'First voicemail',
  'follow-up': 'Follow-up',
  'opt-out': 'Last voicemail (opt-out)',
};
