import { CALL_NAMES, type CallName, type DialdeskApi, type DialdeskEvent, type EventListener } from '../../shared/contract/index.js';
import { fail, type Result } from '../../shared/result.js';

/** The close code the web shell sends a page when the app was opened in another tab (main/web/web-server.ts). */
const SUPERSEDED_CLOSE_CODE = 4001;

/**
 * The web shell's transport: the same `DialdeskApi` as the Electron preload,
 * over one WebSocket. Requests are `{id, call, input}`, answers `{id, result}`,
 * pushed events `{event}`. Used only in the `web` build; the Electron build
 * never contains it. A page replaced by another tab stays disconnected (and
 * says so) rather than taking the line back on its next call.
 */
export function createSocketApi(url: string, options: { timeoutMs?: number } = {}): DialdeskApi {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const listeners = new Set<EventListener>();
  const pending = new Map<number, { resolve: (result: Result<unknown>) => void; timer: ReturnType<typeof setTimeout> }>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;
  let superseded = false;

  const settleAll = (message: string) => {
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer);
      entry.resolve(fail('unavailable', message));
      pending.delete(id);
    }
  };

  const connect = (): Promise<WebSocket> => {
    if (superseded) return Promise.reject(new Error('Dialdesk was opened in another tab; reload this one to use it here.'));
    if (opened && socket && socket.readyState <= WebSocket.OPEN) return opened;
    const closing = socket;
    if (closing && closing.readyState === WebSocket.CLOSING) {
      // Learn why it closes before opening another: a page replaced by another tab must not take the line back.
      return new Promise((resolve, reject) => closing.addEventListener('close', () => connect().then(resolve, reject), { once: true }));
    }
    const ws = new WebSocket(url);
    socket = ws;
    opened = new Promise<WebSocket>((resolve, reject) => {
      ws.addEventListener('open', () => resolve(ws), { once: true });
      ws.addEventListener('error', () => reject(new Error(`Could not reach Dialdesk at ${url.split('?')[0]}`)), { once: true });
    });
    opened.catch(() => undefined);
    ws.addEventListener('message', (message) => onMessage(message.data));
    ws.addEventListener('close', (event) => {
      if (event.code === SUPERSEDED_CLOSE_CODE) superseded = true;
      if (socket === ws) {
        socket = null;
        opened = null;
      }
      settleAll('The connection to Dialdesk closed before it answered.');
    });
    return opened;
  };

  const onMessage = (data: unknown) => {
    if (typeof data !== 'string') return;
    let message: { id?: unknown; result?: Result<unknown>; event?: DialdeskEvent };
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (message.event) {
      for (const listener of [...listeners]) listener(message.event);
      return;
    }
    if (typeof message.id === 'number' && message.result) {
      const entry = pending.get(message.id);
      if (!entry) return;
      pending.delete(message.id);
      clearTimeout(entry.timer);
      entry.resolve(message.result);
    }
  };

  const request = async (call: CallName, input: unknown): Promise<Result<unknown>> => {
    let ws: WebSocket;
    try {
      ws = await connect();
    } catch (error) {
      return fail('unavailable', error instanceof Error ? error.message : String(error));
    }
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(fail('unavailable', `${call} did not answer within ${Math.round(timeoutMs / 1000)} s.`));
      }, timeoutMs);
      pending.set(id, { resolve, timer });
      ws.send(JSON.stringify({ id, call, input: input ?? {} }));
    });
  };

  const calls = Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => request(name, input)]));
  // Open early so pushed events arrive even before the first call.
  void connect().catch(() => undefined);

  return {
    ...(calls as unknown as Omit<DialdeskApi, 'onEvent'>),
    onEvent(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
