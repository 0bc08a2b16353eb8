import { z } from 'zod';
import { MANUAL_OUTCOMES, type Attempt, type Lead, type LeadSummary, type Outcome } from '../domain.js';
import { call } from './define.js';
import type { LeadScheduleView } from './schedule.js';

export const LEAD_SORTS = ['name', 'company', 'lastAttemptAt', 'attempts', 'createdAt'] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

export interface LeadRow {
  id: string;
  name: string;
  company: string;
  phone: string;
  /** The lead's reference zone (imported, else from the number); null when neither tells. */
  timeZone: string | null;
  attempts: number;
  lastAttemptAt: string | null;
  lastOutcome: Outcome | null;
  doNotCall: boolean;
}

export interface LeadPage {
  total: number;
  offset: number;
  rows: LeadRow[];
}

export interface LeadDetail {
  lead: Lead;
  summary: LeadSummary;
  /** Newest first. */
  attempts: Attempt[];
  schedule: LeadScheduleView;
  /** An answered call of this lead still waiting for its outcome (it stays here until settled). */
  openCall?: { callId: string; startedAt: string; endedAt: string | null } | null;
}

/** Column indexes into the CSV's header row; null when the file has no such column. */
export const columnMappingSchema = z
  .object({
    firstName: z.number().int().min(0).nullable(),
    lastName: z.number().int().min(0).nullable(),
    fullName: z.number().int().min(0).nullable(),
    company: z.number().int().min(0).nullable(),
    email: z.number().int().min(0).nullable(),
    /** Phone columns in order of preference: the first valid number is the one dialled. */
    phones: z.array(z.number().int().min(0)).max(10),
    extension: z.number().int().min(0).nullable(),
    timeZone: z.number().int().min(0).nullable(),
    referrer: z.number().int().min(0).nullable(),
    reason: z.number().int().min(0).nullable(),
    notes: z.number().int().min(0).nullable(),
    /** A CRM's "Do Not Call" flag: a lead marked there is imported as do-not-call. */
    doNotCall: z.number().int().min(0).nullable().default(null),
    /** The address's State / Province and Country cells: where the lead is, for the law of its place. */
    state: z.number().int().min(0).nullable().default(null),
    country: z.number().int().min(0).nullable().default(null),
  })
  .strict();
export type ColumnMapping = z.infer<typeof columnMappingSchema>;
export type MappedField = Exclude<keyof ColumnMapping, 'phones'>;

export interface ImportPreview {
  fileName: string;
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  delimiter: string;
  headers: string[];
  /** Data rows found (footers excluded). */
  rowCount: number;
  /** The first rows, as parsed, for the mapping step. */
  sampleRows: string[][];
  /** Auto-detected guess; the rep can change it. */
  mapping: ColumnMapping;
  /** Lines after the data that looked like a report footer ("Total: 120 records") and are ignored. */
  footerLines: number;
}

export interface RejectedRow {
  /** 1-based line of the row in the file as the rep sees it in a spreadsheet (header is row 1). */
  row: number;
  reason: string;
  /** A short excerpt of the row so the rep can find it. */
  excerpt: string;
}

export interface ImportReport {
  fileName: string;
  total: number;
  imported: number;
  /** Every rejected row, or the first REJECTED_ROWS_SHOWN of them when a broken file rejects more (see rejectedCount). */
  rejected: RejectedRow[];
  rejectedCount: number;
}

/** How many rejected rows travel to the screen; the CLI's --report writes them all. */
export const REJECTED_ROWS_SHOWN = 1_000;

/** CSV files from CRMs are rarely above a few MB; 60 MB of base64 keeps a mistaken pick of a video file out. */
const fileInput = {
  fileName: z.string().min(1).max(260),
  contentBase64: z.string().max(60_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64 content'),
};

/** The leads a click-to-dial link names, for the rep to open (a link never dials by itself). */
export interface DialLinkTarget {
  /** The link's scheme: tel, callto, sip, sips or dialdesk. */
  scheme: string;
  /** E.164. */
  number: string;
  extension: string;
  /** The name a dialdesk:// link passed, to offer when no lead has the number. */
  name: string | null;
  /** The leads with that number, the one whose main phone it is first; empty when none has it. */
  leads: { id: string; name: string; company: string; phone: string }[];
}

export const leadsCalls = {
  listLeads: call<LeadPage>()(
    z
      .object({
        query: z.string().max(200).default(''),
        sort: z.enum(LEAD_SORTS).default('name'),
        descending: z.boolean().default(false),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
  ),
  getLead: call<LeadDetail>()(z.object({ id: z.string().min(1).max(64) }).strict()),
  recordOutcome: call<Attempt>()(
    z
      .object({
        leadId: z.string().min(1).max(64),
        outcome: z.enum(MANUAL_OUTCOMES),
        note: z.string().max(2000).default(''),
        /** Defaults to now; a rep logging a call made earlier may set it (not in the future). */
        startedAt: z.iso.datetime({ offset: true }).optional(),
        /**
         * For a voicemail: the attempt the message promised (from prepareVoicemail), null when it
         * promised none (a recorded message); when omitted, pinned only if the script shown speaks it.
         */
        promisedFor: z.iso.datetime({ offset: true }).nullable().optional(),
        /** For a voicemail: the script read, null for none; the one shown for the lead when omitted. */
        scriptId: z.string().min(1).max(64).nullable().optional(),
        scriptVersion: z.number().int().min(1).optional(),
      })
      .strict(),
  ),
  previewImport: call<ImportPreview>()(z.object(fileInput).strict()),
  commitImport: call<ImportReport>()(z.object({ ...fileInput, mapping: columnMappingSchema }).strict()),
  loadSampleLeads: call<ImportReport>()(z.object({}).strict()),
  exportCsv: call<string>()(z.object({ kind: z.enum(['leads', 'attempts']) }).strict()),
  /** Reads a tel:/callto:/sip:/dialdesk:// link and finds its leads; a malformed link is `invalid-input` with the reason. */
  resolveDialLink: call<DialLinkTarget>()(z.object({ url: z.string().max(4096) }).strict()),
  /** The link the desktop handed the Electron app (command line, open-url) and the page has not taken yet; null when none. */
  takeDialLink: call<string | null>()(z.object({}).strict()),
};
