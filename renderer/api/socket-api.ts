import { CALL_NAMES, type CallName, type DialdeskApi, type DialdeskEvent, type EventListener } from '../../shared/contract/index.js';
import { fail, type Result } from '../../shared/result.js';
import { HELLO_CONTEXT } from '../../shared/web-shell.js';

/** The close code the web shell sends a page when the app was opened in another tab (main/web/web-server.ts). */
const SUPERSEDED_CLOSE_CODE = 4001;

/**
 * The web shell's transport: the same `DialdeskApi` as the Electron preload,
 * over one WebSocket. Requests are `{id, call, input}`, answers `{id, result}`,
 * pushed events `{event}`. Used only in the `web` build; the Electron build
 * never contains it. A page replaced by another tab stays disconnected (and
 * says so) rather than taking the line back on its next call.
 *
 * Every connection opens with a check of the server: the page sends a fresh
 * random challenge in the socket's URL, and the server's first message must be
 * its HMAC under the page key the server gave this page. Until it is, nothing
 * is sent and no event is taken (the call audio, and so the microphone, starts
 * only on the core's events). A process that took the port after Dialdesk
 * stopped cannot answer, and the page stays off and says so.
 */
export function createSocketApi(url: string, options: { pageKey: string; timeoutMs?: number }): DialdeskApi {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const verifyKey = importPageKey(options.pageKey);
  const listeners = new Set<EventListener>();
  const pending = new Map<number, { resolve: (result: Result<unknown>) => void; timer: ReturnType<typeof setTimeout> }>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;
  let superseded = false;
  let impostor = false;

  const settleAll = (message: string) => {
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer);
      entry.resolve(fail('unavailable', message));
      pending.delete(id);
    }
  };

  const connect = (): Promise<WebSocket> => {
    if (superseded) return Promise.reject(new Error('Dialdesk was opened in another tab; reload this one to use it here.'));
    if (impostor) return Promise.reject(new Error(IMPOSTOR_MESSAGE));
    if (opened && socket && socket.readyState <= WebSocket.OPEN) return opened;
    const closing = socket;
    if (closing && closing.readyState === WebSocket.CLOSING) {
      // Learn why it closes before opening another: a page replaced by another tab must not take the line back.
      return new Promise((resolve, reject) => closing.addEventListener('close', () => connect().then(resolve, reject), { once: true }));
    }
    const challenge = randomChallenge();
    const ws = new WebSocket(`${url}?challenge=${challenge}`);
    socket = ws;
    let verified = false;
    // The first message is the hello (checked below); what follows it waits until the check is done.
    let helloSeen = false;
    const early: unknown[] = [];
    opened = new Promise<WebSocket>((resolve, reject) => {
      // Open is not enough: only a hello that answers this challenge makes the socket usable.
      ws.addEventListener(
        'message',
        (message) => {
          void checkHello(verifyKey, challenge, message.data).then((ok) => {
            if (ok) {
              verified = true;
              for (const data of early.splice(0)) onMessage(data);
              resolve(ws);
              return;
            }
            impostor = true;
            ws.close();
            reject(new Error(IMPOSTOR_MESSAGE));
          });
        },
        { once: true },
      );
      ws.addEventListener('error', () => reject(new Error(`Could not reach Dialdesk at ${url.split('?')[0]}`)), { once: true });
      ws.addEventListener('close', () => reject(new Error(`Could not reach Dialdesk at ${url.split('?')[0]}`)), { once: true });
    });
    opened.catch(() => undefined);
    ws.addEventListener('message', (message) => {
      if (!helloSeen) helloSeen = true;
      else if (verified) onMessage(message.data);
      else early.push(message.data);
    });
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

const IMPOSTOR_MESSAGE =
  'The program now answering at this address is not the Dialdesk that opened this page (Dialdesk was probably stopped). Nothing was sent to it. Start Dialdesk and open the address it prints.';

/** 32 random bytes, base64url: fresh for every connection, so no answer can be replayed. */
function randomChallenge(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function importPageKey(pageKey: string): Promise<CryptoKey | null> {
  const raw = fromBase64url(pageKey);
  if (raw === null || raw.length < 16) return Promise.resolve(null);
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']).catch(() => null);
}

/** Whether `data` is `{hello}` with the HMAC of this challenge under the page key (crypto.subtle.verify: constant time). */
async function checkHello(key: Promise<CryptoKey | null>, challenge: string, data: unknown): Promise<boolean> {
  const verifyKey = await key;
  if (verifyKey === null || typeof data !== 'string') return false;
  let hello: unknown;
  try {
    hello = (JSON.parse(data) as { hello?: unknown }).hello;
  } catch {
    return false;
  }
  const signature = typeof hello === 'string' ? fromBase64url(hello) : null;
  if (signature === null) return false;
  return crypto.subtle.verify('HMAC', verifyKey, signature, new TextEncoder().encode(`${HELLO_CONTEXT}${challenge}`));
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (text.length % 4)) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
