import type { SipEvent } from './sip-events.js';

/**
 * Events main pushes to the renderer. Areas add their members here; the
 * renderer switches on `type`.
 */
export type DialdeskEvent =
  | { type: 'leads.changed' }
  | { type: 'settings.changed' }
  | { type: 'store.status'; ready: boolean; message: string }
  | SipEvent;

export type EventListener = (event: DialdeskEvent) => void;
