import type { scheduleCalls, ScriptListItem } from '../../../shared/contract/index.js';
import type { VoicemailScript } from '../../../shared/domain.js';
import { ApiFailure } from '../api/api-failure.js';
import type { HandlersFor } from '../api/dispatch.js';
import { coachScript } from '../scripts/coach.js';
import { TemplateError, type ScriptLibrary } from '../scripts/script-library.js';
import { validateTemplate } from '../scripts/template.js';
import type { LeadStore } from '../store/lead-store.js';
import type { ScheduleService } from './schedule-service.js';

export interface ScheduleHandlerDeps {
  store(): LeadStore;
  schedule: ScheduleService;
  scripts: ScriptLibrary;
  now(): Date;
  /** True while Dialdesk's own interruptions are held (a block runs, a call is up). */
  remindersHeld(): boolean;
}

const withWarnings = (script: VoicemailScript): ScriptListItem => ({ ...script, warnings: coachScript(script.template, script.stage) });

export function scheduleHandlers(deps: ScheduleHandlerDeps): HandlersFor<typeof scheduleCalls> {
  const leadOf = (id: string) => {
    const lead = deps.store().getLead(id);
    if (!lead) throw new ApiFailure('not-found', `No lead with id ${id}.`);
    return lead;
  };
  return {
    checkDial: ({ leadId }) => deps.schedule.checkDial(leadOf(leadId), deps.now().getTime()),

    prepareVoicemail: ({ leadId }) => deps.schedule.prepareVoicemail(leadOf(leadId)),

    listReminders: ({ withinMinutes }) => (deps.remindersHeld() ? [] : deps.schedule.reminders(withinMinutes)),

    listScripts: () => deps.scripts.current().map(withWarnings),

    checkScript: ({ template, stage }) => {
      const valid = validateTemplate(template);
      return { errors: valid.ok ? [] : valid.errors, warnings: coachScript(template, stage) };
    },

    saveScript: async (input) => {
      try {
        return withWarnings(await deps.scripts.save(input));
      } catch (error) {
        if (error instanceof TemplateError) throw new ApiFailure('invalid-input', error.message, error.errors.map((message) => ({ path: ['template'], message })));
        if (error instanceof Error && error.message.startsWith('no script')) throw new ApiFailure('not-found', error.message);
        throw error;
      }
    },
  };
}
