import type { AppStatus, callingCalls, dialBlockCalls, returnsCalls, statsCalls } from '../../shared/contract/index.js';
import type { AnsweredOutcome, Attempt } from '../../shared/domain.js';
import { ApiFailure } from './api/api-failure.js';
import { callingHandlers } from './calling/calling-handlers.js';
import { createPlaceCall } from './calling/place-call.js';
import type { SettleDetails } from './calling/answered-calls.js';
import { createDialBlockService, type DialBlockService } from './dial-block/dial-block-service.js';
import { phraseAttemptTime } from './timezones/phrase-time.js';
import { createDispatch, type Dispatch, type Handlers } from './api/dispatch.js';
import { createEventHub, type EventHub } from './api/event-hub.js';
import { randomUUID } from 'node:crypto';
import { leadsHandlers } from './leads/leads-handlers.js';
import { callbackNumberProblem } from './leads/normalize-phone.js';
import { createDialLinkInbox } from './leads/dial-link-inbox.js';
import { createGlobalKeyStatusSlot } from './settings/global-key-status.js';
import type { GlobalKeyStatus } from '../../shared/desk-keys.js';
import { createNotifier, type Notifier } from './notify/notifier.js';
import { createPromiseClock } from './notify/promise-clock.js';
import { TeamLink } from './team/team-link.js';
import { teamHandlers } from './team/team-handlers.js';
import { plannedWithinADay, teamPlanning } from './team/team-planning.js';
import { scheduleHandlers } from './schedule/schedule-handlers.js';
import { createScheduleService } from './schedule/schedule-service.js';
import { ScriptLibrary } from './scripts/script-library.js';
import { createConfAccountStore, createRendererMedia, createSipService, sipHandlers, type CallAttemptRecord, type MediaBridgeFactory } from './sip/index.js';
import type { SecretStore } from './settings/secret-store.js';
import { settingsHandlers } from './settings/settings-handlers.js';
import type { SettingsStore } from './settings/settings-store.js';
import { lockDataDir, type DataDirLock } from './store/data-dir-lock.js';
import { startFresh } from './store/open-store.js';
import { openDataFolder } from './data-folder.js';
import { buildAttempt } from './store/build-attempt.js';
import { describeRebuild, type RebuildProgress } from './store/rebuild-progress.js';
import { VoicemailAudioSettingsStore } from './voicemail-audio/audio-settings-store.js';
import { voicemailAudioHandlers } from './voicemail-audio/voicemail-audio-handlers.js';
import { findSpeechEngine } from './voicemail-audio/speech-engines.js';
import { FarEndVoice } from './practice/far-end-audio.js';
import { PracticeLine } from './practice/practice-line.js';
import { windowExemptionFor } from './practice/window-exemption.js';
import type { SipService } from './sip/sip-service.js';

export interface CoreOptions {
  dataDir: string;
  /**
   * A function for a store backed by a file in the data folder: it is called
   * only once the folder is locked, so a second process never reads (or sets
   * aside) a settings file another process owns.
   */
  settings: SettingsStore | ((dataDir: string) => SettingsStore);
  secrets: SecretStore;
  /** The clock; tests pin it. */
  now?: () => Date;
  log?: (message: string) => void;
  appVersion?: string;
  /** Where call media runs. Default: the renderer's WebRTC module over the contract; lab tests pass a plain-RTP double. */
  media?: MediaBridgeFactory;
  /**
   * The practice folder's core (core-host.ts makes it): the practice line instead of SIP, its
   * far ends drawn with `seed`; exports refused; the calling window shown, not applied.
   */
  practice?: { seed: number };
}

export interface Core {
  dispatch: Dispatch;
  events: EventHub;
  /**
   * Settles an answered call as what it was (conversation, voicemail, wrong person, gatekeeper,
   * do-not-call, call back): writes that call's one attempt. `id` is the SIP call id or the
   * attempt id the open call will have. For the rep's keys and for the beep detector.
   */
  settleAnsweredCall(id: string, outcome: AnsweredOutcome, details?: SettleDetails): Promise<Attempt>;
  /** OS notifications: the dial-block session reports slots and its block here. */
  notifications: Pick<Notifier, 'returnsSlotStarted' | 'hold'>;
  /** A click-to-dial link from the desktop (tel:, callto:, sip:, dialdesk://): kept for the page, never dialled. */
  deliverDialLink(url: string): void;
  /** The Electron shell reports what became of the global keys (Settings shows it). */
  setGlobalKeyStatus(status: GlobalKeyStatus): void;
  close(): Promise<void>;
}

/**
 * Everything Dialdesk decides or stores, in plain Node: the Electron shell,
 * the test harness and the CLI all run this same core.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  // Before anything else in the folder is opened: a busy folder stops here, untouched.
  const lock = lockDataDir(options.dataDir);
  try {
    return await createLockedCore(options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function createLockedCore(options: CoreOptions, lock: DataDirLock): Promise<Core> {
  const now = options.now ?? (() => new Date());
  const events = createEventHub();
  const dialLinks = createDialLinkInbox(events);
  const globalKeyStatus = createGlobalKeyStatusSlot();
  const settings = typeof options.settings === 'function' ? options.settings(options.dataDir) : options.settings;
  // A rebuild over a second (an upgrade's first open, new bands) says what and how far: in the log, and to the
  // window as events (the shells open theirs once the core is up, so at start-up the log line is what shows).
  let loggedTenth = -1;
  const progress = (report: RebuildProgress) => {
    // The log gets a line every tenth of the way; the window every report.
    const tenth = Math.floor(report.fraction * 10);
    if (report.done || tenth > loggedTenth) options.log?.(describeRebuild(report));
    loggedTenth = report.done ? -1 : tenth;
    events.emit({ type: 'store.rebuild', ...report });
  };
  // The store, the do-not-call list and the gate, assembled as the CLI assembles them (data-folder.ts).
  // Practice: the line is made first, since the folder's gate is bound to it (practice/window-exemption.ts).
  const practiceLine = options.practice
    ? new PracticeLine({
        events,
        media: options.media ?? createRendererMedia({ events }),
        now,
        recordAttempt: (call) => recordAttempt(call),
        seed: options.practice.seed,
        voice: new FarEndVoice(() => findSpeechEngine()),
        log: options.log,
      })
    : null;
  const folder = await openDataFolder({
    dataDir: options.dataDir,
    settings,
    lock,
    now,
    log: options.log,
    progress,
    account: () => sip.getAccount(),
    windowExemption: practiceLine ? windowExemptionFor(practiceLine) : undefined,
  });
  const { storeOptions, doNotCall, gate, requireStore } = folder;
  const scripts = await ScriptLibrary.open(options.dataDir, now());
  const accountStore = createConfAccountStore(options.dataDir, now());
  const audioSettings = await VoicemailAudioSettingsStore.open(options.dataDir, now());
  const notices = [lock.notice, settings.notice, accountStore.notice, scripts.notice, doNotCall.notice, audioSettings.notice].filter((n): n is string => typeof n === 'string');
  if (lock.notice) options.log?.(lock.notice);
  // In a team, the team's do-not-call list is part of the gate (data-folder.ts), and the link keeps it current:
  // LISTEN for new opt-outs, sync on a timer.
  const { team } = folder;
  let leadsVersion = folder.store?.changeCounters.summaries ?? null;
  // The manager's figures name script versions as the rep's library does.
  if (team) team.scriptNames = (id, version) => scripts.nameOf(id, version);
  const teamLink = team
    ? new TeamLink(team, {
        onSynced: (result) => {
          if (result.pulled > 0) events.emit({ type: 'doNotCall.changed' });
          // Histories that came with claims changed the rep's leads.
          const version = folder.store?.changeCounters.summaries ?? null;
          if (version !== leadsVersion) events.emit({ type: 'leads.changed' });
          leadsVersion = version;
        },
        // The status bar's line: synced, syncing, offline since …, blocked.
        onState: (line) => events.emit({ type: 'team.line', line }),
      })
    : null;
  void teamLink?.start();

  const status = (): AppStatus => ({
    version: options.appVersion ?? 'dev',
    dataDir: options.dataDir,
    store: folder.status,
    leadCount: folder.store?.leadCount ?? 0,
    openCalls: dialBlock?.answered.list().length ?? 0,
    firstRun: folder.store !== null && folder.store.leadCount === 0 && !folder.store.hasHistory,
    practice: practiceLine !== null,
    // Records the store set aside on opening ("1 lead could not be read and was set aside (see …)").
    notices: [...notices, ...(folder.store?.notices() ?? [])],
    passwordStorage: options.secrets.persistent === false ? 'session' : 'system',
    doNotCallDamage: doNotCall.damage,
    team: team && teamLink ? { repName: team.data.repName, manager: team.data.manager, line: teamLink.state } : null,
  });
  // In a team, the planner starts from what the team learned and leaves the leads another rep holds alone.
  const planningForTeam = team ? teamPlanning(team) : null;
  const schedule = createScheduleService({ store: requireStore, settings, scripts, gate, now, team: () => planningForTeam });
  if (team) {
    // Each sync claims what this rep plans for the next day, so no other rep plans it too.
    team.plannedPhones = plannedWithinADay(schedule, () => folder.store, now);
  }

  const log = options.log ?? (() => undefined);
  const requirePractice = (): PracticeLine => {
    if (!practiceLine) throw new ApiFailure('refused', 'Not in practice: the practice line runs only in practice mode.');
    return practiceLine;
  };
  // Created below, once the gated dial exists; SIP reports reach it only after start-up.
  let dialBlock: DialBlockService | null = null;
  const recordAttempt = async (call: CallAttemptRecord) => {
    const { outcome, ...rest } = call;
    if (outcome === 'answered') {
      // A person or a machine: one open attempt until the rep (or the beep detector) settles it.
      await dialBlock?.onAnsweredCallEnded({ ...rest, sipStatus: call.sipStatus });
      return;
    }
    const store = requireStore();
    await store.recordAttempt(
      buildAttempt({ id: randomUUID(), ...rest, outcome, recordedAt: now().toISOString() }, {}, schedule.attemptContext(store.getLead(rest.leadId))),
    );
    events.emit({ type: 'leads.changed' });
  };
  const sip: SipService = practiceLine ?? createSipService({
    dataDir: options.dataDir,
    accountStore,
    secrets: options.secrets,
    events,
    media: options.media ?? createRendererMedia({ events }),
    now,
    defaultCountry: () => settings.get().defaultCountry,
    // Any of a lead's numbers: a lead calling back from their mobile is still that lead.
    matchLead: (e164) => folder.store?.leadsWithNumber(e164)[0]?.id ?? null,
    recordAttempt,
    recordInbound: (call) => {
      const recorded = { ...call, answering: dialBlock?.inboundAnswering(call.leadId) ?? null };
      requireStore().recordInbound(recorded);
      dialBlock?.onInboundRecorded(recorded);
    },
    logger: { info: log, warn: log, error: log },
  });

  const notifier = createNotifier({
    events,
    enabled: () => settings.get().notifications?.enabled !== false,
    // A store that is not open (damaged data) has no promises to remind of.
    duePromises: () => (folder.store ? schedule.reminders(0) : []),
    blockRunning: () => dialBlock?.blockRunning === true,
  });

  // Every dial goes through placeCall: the gate, then SIP (a dial block's next call uses the same function).
  const placeCall = createPlaceCall({ gate, sip, now });

  const coreHandlers: Omit<Handlers, keyof (typeof dialBlockCalls & typeof callingCalls & typeof returnsCalls & typeof statsCalls)> = {
    getStatus: () => status(),
    ...settingsHandlers(
      settings,
      events,
      async () => {
        await folder.store?.refoldIfStale();
      },
      callbackNumberProblem,
    ),
    getGlobalKeyStatus: () => globalKeyStatus.get(),
    // The core host (core-host.ts) answers these two: it swaps this core for the other folder's.
    enterPractice: () => {
      throw new ApiFailure('unavailable', 'Practice is switched by the app, not by one data folder’s core.');
    },
    leavePractice: () => {
      throw new ApiFailure('unavailable', 'Practice is switched by the app, not by one data folder’s core.');
    },
    practiceAnswer: ({ callId, sdp }) => {
      requirePractice().answerFromFarEnd(callId, sdp);
      return null;
    },
    practiceFarEndFailed: ({ callId, error }) => {
      requirePractice().farEndFailed(callId, error);
      return null;
    },
    getPracticeRun: () => requirePractice().practiceRun(),
    startFreshStore: async () => {
      if (folder.store) throw new ApiFailure('conflict', 'The data store is fine; there is nothing to start afresh.');
      folder.store = await startFresh(options.dataDir, storeOptions);
      folder.status = { state: 'ready' };
      events.emit({ type: 'store.status', ready: true, message: '' });
      events.emit({ type: 'leads.changed' });
      return status();
    },
    ...leadsHandlers({
      store: requireStore,
      settings,
      events,
      schedule,
      now,
      openCallOf: (leadId) => {
        const open = dialBlock?.answered.forLead(leadId);
        return open ? { callId: open.callId, startedAt: open.startedAt, endedAt: open.endedAt } : null;
      },
      dialLinks,
      settleOpenCall: async (leadId, outcome, details) => {
        const open = dialBlock?.answered.forLead(leadId);
        return open ? dialBlock!.settleAnsweredCall(open.callId, outcome, details) : null;
      },
    }),
    ...sipHandlers(sip),
    ...teamHandlers({ team }),
    ...scheduleHandlers({ store: requireStore, schedule, scripts, now, remindersHeld: () => notifier.remindersHeld() }),
    ...callingHandlers({ gate, placeCall, doNotCall, settings, events, log, account: () => sip.getAccount() }),
    ...voicemailAudioHandlers({
      dataDir: options.dataDir,
      store: requireStore,
      schedule,
      scripts,
      settings,
      audioSettings,
      recordOutcome: (input) => handlers.recordOutcome(input),
    }),
  };
  dialBlock = createDialBlockService({
    dataDir: options.dataDir,
    store: requireStore,
    schedule,
    scripts,
    settings,
    events,
    now,
    // Every block dial is placeCall's: the gate, then SIP, never around it.
    dial: (input) => placeCall({ number: input.number, leadId: input.leadId }),
    cancelCall: (callId) => sip.cancelCall(callId),
    setDialBlockActive: (active) => sip.setDialBlockActive(active),
    anyHour: practiceLine !== null,
    log,
  });
  const handlers: Handlers = { ...coreHandlers, ...dialBlock.handlers };
  if (practiceLine) practiceOnly(handlers, practiceLine, now);
  notices.push(...dialBlock.notices);
  const blockService = dialBlock;
  events.subscribe((event) => {
    if (event.type === 'sip.call') blockService.onCall(event.call);
    // OS notifications are held while a block runs; the session says when a returns slot starts.
    if (event.type === 'dial-block.changed') notifier.hold('block', event.block !== null && (event.block.status === 'running' || event.block.status === 'paused'));
    if (event.type === 'settings.changed') blockService.rescheduleBlocks();
    if (event.type === 'dial-block.scheduled') {
      const { block } = event;
      notifier.offer({
        id: `dial-block:${block.startsAt}`,
        kind: 'dial-block',
        title: 'Dial block',
        body: `Your ${block.startClock} block: ${block.leads} ${block.leads === 1 ? 'lead' : 'leads'}, ${block.promised} promised. Press B in Dialdesk to start it.`,
        leadId: null,
      });
    }
    if (event.type === 'returns.slot-started') {
      notifier.returnsSlotStarted({ start: event.slot.startsAt, callers: event.waiting, phrase: `until ${phraseAttemptTime(Date.parse(event.slot.endsAt), settings.get().repTimeZone, now().getTime())}` });
    }
  });
  // At each promise's minute: a running block takes it into its queue, else the rep is reminded at once.
  const promiseClock = createPromiseClock({
    now: () => now().getTime(),
    nextPromiseAt: (after) => (folder.store ? schedule.nextPromiseAt(after) : null),
    onDue: () => {
      blockService.takeDuePromises();
      notifier.checkPromises();
    },
  });
  // A recorded attempt may make or keep a promise; a burst of them re-arms the clock once.
  let rearmSoon: NodeJS.Timeout | null = null;
  events.subscribe((event) => {
    if (event.type !== 'leads.changed' || rearmSoon) return;
    rearmSoon = setTimeout(() => {
      rearmSoon = null;
      promiseClock.rearm();
    }, 0);
  });
  // Registration retries on its own with backoff; start-up never waits for the SIP server.
  sip.start().catch((error) => log(`SIP start: ${String(error)}`));

  return {
    dispatch: createDispatch(handlers, { logError: (call, error) => options.log?.(`${call}: ${String(error)}`) }),
    events,
    settleAnsweredCall: (id, outcome, details) => blockService.settleAnsweredCall(id, outcome, details),
    notifications: notifier,
    deliverDialLink: (url) => dialLinks.deliver(url),
    setGlobalKeyStatus: (status) => {
      globalKeyStatus.set(status);
      events.emit({ type: 'global-keys.changed' });
    },
    async close() {
      promiseClock.stop();
      if (rearmSoon) clearTimeout(rearmSoon);
      await teamLink?.stop();
      notifier.close();
      await blockService.close();
      await sip.close();
      try {
        await folder.store?.close();
      } finally {
        lock.release();
      }
      folder.store = null;
      folder.status = { state: 'error', message: 'Dialdesk is shutting down.', keptFiles: [] };
    },
  };
}

/**
 * What practice changes in the calls: practice data never reaches an export (a practice attempt in
 * a CRM would be a lie about a real lead), and the first voicemail left is noted for the first-minute figure.
 */
function practiceOnly(handlers: Handlers, line: PracticeLine, now: () => Date): void {
  const refuseExport = () => {
    throw new ApiFailure('refused', 'Practice data is never exported: these are sample leads and practice calls. Leave practice to export your real data.');
  };
  handlers.exportCsv = refuseExport;
  handlers.exportInboundCsv = refuseExport;
  handlers.exportReturnsIcs = refuseExport;
  const recordVoicemailLeft = handlers.recordVoicemailLeft;
  handlers.recordVoicemailLeft = async (input) => {
    const recorded = await recordVoicemailLeft(input);
    line.noteVoicemailLeft(now());
    return recorded;
  };
}
