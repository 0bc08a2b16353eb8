import { randomUUID } from 'node:crypto';
import { leadsCalls, REJECTED_ROWS_SHOWN } from '../../../shared/contract/index.js';
import { ANSWERED_OUTCOMES, type AnsweredOutcome, type Attempt } from '../../../shared/domain.js';
import { buildAttempt } from '../store/build-attempt.js';
import { ApiFailure } from '../api/api-failure.js';
import type { HandlersFor } from '../api/dispatch.js';
import type { EventHub } from '../api/event-hub.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { ScheduleService } from '../schedule/schedule-service.js';
import type { LeadStore } from '../store/lead-store.js';
import { exportAttemptsCsv, exportLeadsCsv } from './export-csv.js';
import { importLeads, MappingError, previewImport } from './import-leads.js';
import { LeadListView } from './lead-list.js';
import { CsvFileError } from './parse-csv.js';
import { parseDialLink } from './dial-link.js';
import type { DialLinkInbox } from './dial-link-inbox.js';
import { leadName } from '../../../shared/lead-name.js';
import { SAMPLE_LEADS_CSV } from './sample-leads.js';

/** A manual entry may be back-dated, but a clock that runs a little fast must not make "now" look like the future. */
const FUTURE_TOLERANCE_MS = 60_000;

export interface LeadsDeps {
  /** The open store, or an ApiFailure explaining why there is none. */
  store(): LeadStore;
  settings: SettingsStore;
  events: EventHub;
  schedule: ScheduleService;
  now(): Date;
  /** Links handed to the app by the desktop; absent where no desktop hands any (the CLI). */
  dialLinks?: DialLinkInbox;
  /**
   * Settles the lead's answered call that is still open, if there is one, and returns its
   * attempt: "I left this voicemail" finishes that same call's attempt instead of adding one.
   */
  /** The lead's answered call still waiting for its outcome, if any. */
  openCallOf?(leadId: string): { callId: string; startedAt: string; endedAt: string | null } | null;
  settleOpenCall?(leadId: string, outcome: AnsweredOutcome, details: { note: string; promisedFor?: string | null; scriptId?: string | null; scriptVersion?: number }): Promise<Attempt | null>;
}

const isAnsweredOutcome = (outcome: string): outcome is AnsweredOutcome => (ANSWERED_OUTCOMES as readonly string[]).includes(outcome);

export function leadsHandlers(deps: LeadsDeps): HandlersFor<typeof leadsCalls> {
  let view: { store: LeadStore; view: LeadListView } | null = null;
  const listView = () => {
    const store = deps.store();
    if (view?.store !== store) view = { store, view: new LeadListView(store, deps.schedule.isDoNotCall) };
    return view.view;
  };
  const changed = () => deps.events.emit({ type: 'leads.changed' });

  return {
    resolveDialLink: ({ url }) => {
      const parsed = parseDialLink(url, deps.settings.get().defaultCountry);
      if (!parsed.ok) throw new ApiFailure('invalid-input', parsed.reason);
      const leads = deps.store().leadsWithNumber(parsed.link.number);
      return {
        ...parsed.link,
        leads: leads.map((lead) => ({ id: lead.id, name: leadName(lead) || lead.fullName || '', company: lead.company, phone: lead.phone })),
      };
    },

    takeDialLink: () => deps.dialLinks?.take() ?? null,

    listLeads: (input) => listView().page(input),

    getLead: ({ id }) => {
      const store = deps.store();
      const lead = store.getLead(id);
      if (!lead) throw new ApiFailure('not-found', `No lead with id ${id}.`);
      return { lead, summary: store.publicSummary(id), attempts: store.attemptsFor(id), schedule: deps.schedule.leadView(lead), openCall: deps.openCallOf?.(id) ?? null };
    },

    recordOutcome: async ({ leadId, outcome, note, startedAt, promisedFor, scriptId, scriptVersion }) => {
      const store = deps.store();
      const lead = store.getLead(leadId);
      if (!lead) throw new ApiFailure('not-found', `No lead with id ${leadId}.`);
      // A back-dated entry is a call made elsewhere; otherwise an open answered call is this one.
      if (!startedAt && isAnsweredOutcome(outcome) && deps.settleOpenCall) {
        const settled = await deps.settleOpenCall(leadId, outcome, { note, promisedFor, scriptId, scriptVersion });
        if (settled) {
          changed();
          return settled;
        }
      }
      const now = deps.now();
      const started = startedAt ? new Date(startedAt) : now;
      if (started.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
        throw new ApiFailure('invalid-input', 'An attempt cannot start in the future.');
      }
      const attempt = buildAttempt(
        { id: randomUUID(), leadId, outcome, startedAt: started.toISOString(), recordedAt: now.toISOString(), endedAt: null, source: 'manual', sipStatus: null },
        // A voicemail entered by hand read the script the panel showed; its promise is pinned only when that script spoke it.
        { note, ...(promisedFor !== undefined ? { promisedFor } : {}), ...(scriptId !== undefined ? { scriptId, scriptVersion: scriptVersion ?? null } : {}) },
        deps.schedule.attemptContext(lead),
      );
      await store.recordAttempt(attempt);
      changed();
      return attempt;
    },

    previewImport: ({ fileName, contentBase64 }) => asImportFailure(() => previewImport(Buffer.from(contentBase64, 'base64'), fileName)),

    commitImport: async ({ fileName, contentBase64, mapping }) => {
      const report = await asImportFailure(() =>
        importLeads(deps.store(), Buffer.from(contentBase64, 'base64'), fileName, {
          mapping,
          defaultCountry: deps.settings.get().defaultCountry,
          now: deps.now(),
          onProgress: (rows, fraction) => deps.events.emit({ type: 'import.progress', fileName, rows, fraction }),
          keepRejected: REJECTED_ROWS_SHOWN,
        }),
      );
      if (report.imported > 0) changed();
      return report;
    },

    loadSampleLeads: async () => {
      const report = await importLeads(deps.store(), Buffer.from(SAMPLE_LEADS_CSV), 'Sample leads', {
        defaultCountry: 'US',
        now: deps.now(),
      });
      if (report.imported > 0) changed();
      return report;
    },

    exportCsv: ({ kind }) => {
      const store = deps.store();
      return [...(kind === 'leads' ? exportLeadsCsv(store, deps.schedule.isDoNotCall) : exportAttemptsCsv(store))].join('');
    },
  };
}

/** Whole-file problems are the rep's to fix (a wrong file, a stale mapping), not internal errors. */
async function asImportFailure<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CsvFileError || error instanceof MappingError) throw new ApiFailure('invalid-input', error.message);
    throw error;
  }
}
