import type { SipEvent } from './sip-events.js';

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
  /** A lead import under way: rows read so far, and the share of the work done (0…1). */
  | { type: 'import.progress'; fileName: string; rows: number; fraction: number }
  | SipEvent;

export type EventListener = (event: DialdeskEvent) => void;
