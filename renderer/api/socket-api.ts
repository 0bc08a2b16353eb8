import { CALL_NAMES, type CallName, type DialdeskApi, type DialdeskEvent, type EventListener } from '../../shared/contract/index.js';
import { fail, type Result } from '../../shared/result.js';

/**
 * The harness transport: the same `DialdeskApi` as the Electron preload, over
 * one WebSocket. Requests are `{id, call, input}`, answers `{id, result}`,
 * pushed events `{event}`. Used only in the `harness` build (tests and
 * browser development); the Electron build never contains it.
 */
export function createSocketApi(url: string, options: { timeoutMs?: number } = {}): DialdeskApi {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const listeners = new Set<EventListener>();
  const pending = new Map<number, { resolve: (result: Result<unknown>) => void; timer: ReturnType<typeof setTimeout> }>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;

  const settleAll = (message: string) => {
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer);
      entry.resolve(fail('unavailable', message));
      pending.delete(id);
    }
  };

  const connect = (): Promise<WebSocket> => {
    if (opened && socket && socket.readyState <= WebSocket.OPEN) return opened;
    const ws = new WebSocket(url);
    socket = ws;
    opened = new Promise<WebSocket>((resolve, reject) => {
      ws.addEventListener('open', () => resolve(ws), { once: true });
      ws.addEventListener('error', () => reject(new Error(`Could not reach the Dialdesk harness at ${url}`)), { once: true });
    });
    opened.catch(() => undefined);
    ws.addEventListener('message', (message) => onMessage(message.data));
    ws.addEventListener('close', () => {
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
