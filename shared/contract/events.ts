import type { SipEvent } from './sip-events.js';

/**
 * Events main pushes to the renderer. Areas add their members here; the
 * renderer switches on `type`.
 */
export type DialdeskEvent =
  | { type: 'leads.changed' }
  | { type: 'settings.changed' }
  | { type: 'store.status'; ready: boolean; message: string }
  /** A lead import under way: rows read so far of the file's total. */
  | { type: 'import.progress'; fileName: string; done: number; total: number }
  | SipEvent;

export type EventListener = (event: DialdeskEvent) => void;
