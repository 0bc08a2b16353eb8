import { attemptRecordSchema } from './record-schemas.js';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Attempt } from '../../../shared/domain.js';
import { JsonlLog, type OnBadLine } from './jsonl-log.js';
import { writeAtomically } from './write-atomically.js';
import { CHECKPOINT_FILE, LEGACY_CHECKPOINT_FILE } from './summary-checkpoint.js';

/** Written once the attempt logs hold one attempt per call (see below). */
const MARKER = '.voicemail-calls-merged';
/** A voicemail recorded this long after its call ended still belongs to it (the rep clicks after hanging up). */
const AFTER_CALL_GRACE_MS = 5 * 60_000;

type Slim = { id: string; leadId: string; start: number; end: number; month: string };

/**
 * Data from before answered calls were held open: every answered call was recorded as a
 * conversation, and "I left this voicemail" added a second, manual attempt. This settles that
 * history once: an answered call followed within its call (from its start to a few minutes after
 * it ended) by a manual voicemail record for the same lead becomes ONE voicemail attempt — the
 * call's id, times and SIP status, the voicemail's script, promise and note.
 *
 * Returns true when a log was rewritten (each month file atomically, via a temp file; the
 * checkpoint is removed so the store refolds from the rewritten logs). A line that is not a valid
 * attempt goes to `onBadLine` (the quarantine) before its month is rewritten without it.
 */
export async function mergeVoicemailCalls(attemptsDir: string, onBadLine?: OnBadLine): Promise<boolean> {
  const marker = join(attemptsDir, MARKER);
  if (existsSync(marker)) return false;
  const months = readdirSync(attemptsDir)
    .filter((name) => /^\d{4}-\d{2}\.jsonl$/.test(name))
    .map((name) => name.slice(0, 7))
    .sort();

  const calls = new Map<string, Slim[]>();
  const voicemails: Array<Slim & { attempt: Attempt }> = [];
  for (const month of months) {
    const log = JsonlLog.open(join(attemptsDir, `${month}.jsonl`), attemptRecordSchema, onBadLine);
    try {
      for (const { record: a } of log.readFrom(0)) {
        const start = Date.parse(a.startedAt);
        if (a.source === 'call' && a.outcome === 'conversation' && a.sipStatus !== null && a.sipStatus >= 200 && a.sipStatus < 300) {
          const list = calls.get(a.leadId) ?? [];
          list.push({ id: a.id, leadId: a.leadId, start, end: a.endedAt ? Date.parse(a.endedAt) : start, month });
          calls.set(a.leadId, list);
        } else if (a.source === 'manual' && a.outcome === 'voicemail') {
          voicemails.push({ id: a.id, leadId: a.leadId, start, end: start, month, attempt: a });
        }
      }
    } finally {
      log.close();
    }
  }

  // call id → the voicemail it becomes; voicemail ids that disappear into their call.
  const merged = new Map<string, Attempt>();
  const dropped = new Set<string>();
  for (const vm of voicemails) {
    const call = calls.get(vm.leadId)?.find((c) => !merged.has(c.id) && vm.start >= c.start && vm.start <= c.end + AFTER_CALL_GRACE_MS);
    if (!call) continue;
    merged.set(call.id, vm.attempt);
    dropped.add(vm.id);
  }

  const touched = new Set<string>();
  for (const list of calls.values()) for (const c of list) if (merged.has(c.id)) touched.add(c.month);
  for (const vm of voicemails) if (dropped.has(vm.id)) touched.add(vm.month);
  for (const month of touched) {
    const path = join(attemptsDir, `${month}.jsonl`);
    const log = JsonlLog.open(path, attemptRecordSchema, onBadLine);
    try {
      await writeAtomically(path, rewritten(log, merged, dropped));
    } finally {
      log.close();
    }
  }
  if (touched.size > 0) for (const name of [CHECKPOINT_FILE, LEGACY_CHECKPOINT_FILE]) rmSync(join(attemptsDir, '..', name), { force: true });
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return touched.size > 0;
}

function* rewritten(log: JsonlLog<Attempt>, merged: Map<string, Attempt>, dropped: Set<string>): Generator<string> {
  for (const { record } of log.readFrom(0)) {
    if (dropped.has(record.id)) continue;
    const voicemail = merged.get(record.id);
    const attempt: Attempt = voicemail
      ? {
          ...record,
          outcome: 'voicemail',
          note: [record.note, voicemail.note].filter(Boolean).join('\n'),
          scriptId: voicemail.scriptId,
          scriptVersion: voicemail.scriptVersion,
          promisedFor: voicemail.promisedFor,
        }
      : record;
    yield `${JSON.stringify(attempt)}\n`;
  }
}
