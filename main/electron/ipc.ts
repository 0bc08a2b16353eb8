import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { fail, type Result } from '../../shared/result.js';
import type { Dispatch } from '../core/api/dispatch.js';
import type { EventHub } from '../core/api/event-hub.js';
import { isAppUrl } from './app-url.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels.js';

export interface CallHandlerOptions {
  /** The core's dispatch: it validates the name and input with the contract's schemas. */
  dispatch: Dispatch;
  /** Whether these web contents are the app window's (checked per call: the window can be re-created). */
  isAppContents(contents: WebContents): boolean;
  /** Told about refused calls, for the log. */
  onRefused?(reason: string): void;
}

/**
 * Answers `dialdesk:call` from the preload. The sender is checked on every
 * call (our window, its top frame, showing our page) before anything reaches
 * the core; every answer is a Result, never a rejection.
 * Returns the disposer.
 */
export function registerCallHandler(options: CallHandlerOptions): () => void {
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, input: unknown) => handleCall(options, event, name, input));
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

export async function handleCall(
  options: CallHandlerOptions,
  event: IpcMainInvokeEvent,
  name: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  const refusal = senderRefusal(event, options);
  if (refusal) {
    options.onRefused?.(refusal);
    return fail('refused', 'This page may not call Dialdesk.');
  }
  try {
    return await options.dispatch(name, input);
  } catch (error) {
    // dispatch answers rather than throws; this only guards the Result promise made to the renderer.
    return fail('internal', `Call failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Why a sender is refused, or null when it is the app's own page. */
export function senderRefusal(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  options: Pick<CallHandlerOptions, 'isAppContents'>,
): string | null {
  if (!options.isAppContents(event.sender)) return 'sender is not the Dialdesk window';
  const frame = event.senderFrame;
  if (!frame) return 'sender frame is gone';
  if (frame.parent) return 'sender is a sub-frame';
  if (!isAppUrl(frame.url)) return `sender page is not the app: ${frame.url}`;
  return null;
}

/**
 * Pushes core events to the window until it closes. Returns the disposer
 * (also run when the window closes, so a closed window is never sent to).
 */
export function forwardEvents(events: EventHub, window: BrowserWindow): () => void {
  const contents = window.webContents;
  const unsubscribe = events.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
  window.once('closed', unsubscribe);
  return unsubscribe;
}
