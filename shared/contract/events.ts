import type { BlockView, ReturnsQueue } from '../dial-block.js';
import type { AppCommandId } from './app-commands.js';
import type { SipEvent } from './sip-events.js';
import type { DeskAction } from '../desk-keys.js';
import type { TeamLine } from './team.js';

/**
 * Something the rep should see even when Dialdesk is not in front: shown as
 * an operating-system notification (Electron's Notification in the app, the
 * browser's Notification API in the web shell). The core holds them while a
 * dial block runs or a call is up, and sends none when the rep turned them off.
 */
/** A dial block from Settings at its start: what it holds and the length to start it with. */
export interface ScheduledBlockView {
  id: string;
  startsAt: string;
  endsAt: string;
  /** "10:00" in the rep's zone. */
  startClock: string;
  leads: number;
  promised: number;
  /** The block length (30/45/60/90) closest to the time left in it. */
  minutes: 30 | 45 | 60 | 90;
}

export interface DialdeskNotification {
  /** Stable per occasion (`promise:LEAD:MINUTE`, `returns-slot:START`): shown once. */
  id: string;
  kind: 'returns-slot' | 'promise-due' | 'dial-block';
  title: string;
  body: string;
  /** The lead to open when the notification is clicked, if any. */
  leadId: string | null;
}

/**
 * Events main pushes to the renderer. Areas add their members here; the
 * renderer switches on `type`.
 */
export type DialdeskEvent =
  | { type: 'leads.changed' }
  | { type: 'settings.changed' }
  /** The do-not-call list, or its damaged state, changed. */
  | { type: 'doNotCall.changed' }
  | { type: 'store.status'; ready: boolean; message: string }
  /** The store's summaries being rebuilt (over a second): what, attempts folded so far, the share of the logs read (0…1). */
  | { type: 'store.rebuild'; what: string; attempts: number; fraction: number; done: boolean }
  /** A lead import under way: rows read so far, and the share of the work done (0…1). */
  | { type: 'import.progress'; fileName: string; rows: number; fraction: number }
  /** The block changed (phase, counts, current lead); null when none is left. */
  | { type: 'dial-block.changed'; block: BlockView | null }
  /** An inbound call was answered for the rep (486/480/302): only a quiet counter shows it. */
  | { type: 'inbound.suppressed'; count: number }
  /** A returns slot started (held while a block runs): the shell shows a notification. */
  | { type: 'returns.slot-started'; slot: { startsAt: string; endsAt: string }; waiting: number; queue: ReturnsQueue }
  | { type: 'notify'; notification: DialdeskNotification }
  /** The rep clicked a notification the operating system showed (Electron): the page opens what it is about. */
  | { type: 'notification.open'; notification: DialdeskNotification }
  /** A dial block set in Settings starts now: the page offers to start it with one key. */
  | { type: 'dial-block.scheduled'; block: ScheduledBlockView }
  /** A menu command of the Electron app, for the page to run. */
  | { type: 'app.command'; command: AppCommandId }
  /** The desktop handed the app a click-to-dial link: the page takes it with takeDialLink. */
  | { type: 'dial-link.received' }
  /** A global key (Electron) asked for a desk action: the page performs it as it would a headset button. */
  | { type: 'desk.action'; action: DeskAction }
  /** The shell applied the global keys again (getGlobalKeyStatus says how). */
  | { type: 'global-keys.changed' }
  /** The team line changed (synced, syncing, offline since …, blocked): the status bar shows it. */
  | { type: 'team.line'; line: TeamLine }
  /** The app entered or left practice: every screen reloads its data from the folder now in use. */
  | { type: 'practice.changed'; practice: boolean }
  /**
   * A practice far end picks up: the renderer's far-end peer answers the call's own offer (`practiceAnswer`)
   * and plays `wavBase64` (8 kHz mono WAV) into it. `note` says when it could not speak.
   */
  | { type: 'practice.far-end.offer'; callId: string; sdp: string; wavBase64: string; note: string | null }
  /** The practice call ended: the far-end peer closes. */
  | { type: 'practice.far-end.closed'; callId: string }
  | SipEvent;

export type EventListener = (event: DialdeskEvent) => void;
