import type { ScriptStage, VoicemailScript } from '../../../shared/domain.js';
import type { LeadRotationState, ScheduleSettings } from '../../../shared/schedule.js';

/**
 * Which voicemail this lead gets next: the first one, follow-ups, and after
 * `voicemailsBeforeOptOut` unanswered voicemails the opt-out script.
 */
export function voicemailStage(state: Pick<LeadRotationState, 'unansweredVoicemails'> | undefined, schedule: ScheduleSettings): ScriptStage {
  const left = state?.unansweredVoicemails ?? 0;
  if (left === 0) return 'first';
  return left >= schedule.voicemailsBeforeOptOut ? 'opt-out' : 'follow-up';
}

/**
 * One active script of the stage, spread evenly and deterministically over
 * leads by `seed` (e.g. the lead id), so scripts of a stage run side by side.
 * Null when the stage has no active script.
 */
export function pickScript(scripts: VoicemailScript[], stage: ScriptStage, seed: string): VoicemailScript | null {
  const candidates = scripts.filter((s) => s.active && s.stage === stage).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (candidates.length === 0) return null;
  return candidates[fnv1a(seed) % candidates.length];
}

/** FNV-1a 32-bit: a stable, well-spread hash for picking. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
