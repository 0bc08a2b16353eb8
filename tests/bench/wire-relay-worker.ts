/**
 * The wire-relay's worker (see wire-relay.ts): a loopback WebSocket relay between the core's SIP
 * line and Kamailio that timestamps what crosses it. It runs in its own thread so a busy core
 * event loop cannot delay the timestamps; each is taken as the frame arrives at the relay, on
 * `performance.timeOrigin + performance.now()` (comparable with the main thread's).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { WireRecord } from './wire-relay.js';

const { upstream } = workerData as { upstream: string };
const port = parentPort!;
const records: WireRecord[] = [];
const invited = new Set<string>();
const clock = () => performance.timeOrigin + performance.now();

const header = (text: string, name: string, compact: string) =>
  new RegExp(`^(?:${name}|${compact})[ \\t]*:[ \\t]*(.*?)\\s*$`, 'im').exec(text)?.[1] ?? '';

/** An out-of-dialog INVITE's first sending (the one a 407 challenge makes us resend is not new). */
function fromClient(text: string, at: number): void {
  const line = /^INVITE (\S+) SIP\/2\.0/.exec(text);
  if (!line || /;\s*tag=/i.test(header(text, 'To', 't'))) return;
  const callId = header(text, 'Call-ID', 'i');
  if (invited.has(callId)) return;
  invited.add(callId);
  records.push({ kind: 'invite', callId, uri: line[1], at });
}

/** A final response to an INVITE, except the auth challenges that only ask for it again. */
function fromServer(text: string, at: number): void {
  const line = /^SIP\/2\.0 (\d{3})/.exec(text);
  if (!line) return;
  const status = Number(line[1]);
  if (status < 200 || status === 401 || status === 407 || !/\bINVITE$/i.test(header(text, 'CSeq', 'cseq'))) return;
  records.push({ kind: 'final', callId: header(text, 'Call-ID', 'i'), status, at });
}

const server = new WebSocketServer({
  host: '127.0.0.1',
  port: 0,
  handleProtocols: (protocols) => (protocols.has('sip') ? 'sip' : false),
});

server.on('connection', (client) => {
  const server_ = new WebSocket(upstream, 'sip');
  const waiting: Array<[RawData, boolean]> = [];
  client.on('message', (data, isBinary) => {
    fromClient(data.toString(), clock());
    if (server_.readyState === WebSocket.OPEN) server_.send(data, { binary: isBinary });
    else waiting.push([data, isBinary]);
  });
  server_.on('open', () => {
    for (const [data, isBinary] of waiting.splice(0)) server_.send(data, { binary: isBinary });
  });
  server_.on('message', (data, isBinary) => {
    fromServer(data.toString(), clock());
    client.send(data, { binary: isBinary });
  });
  // Either side gone: the other is closed too, as a dropped line would be.
  client.on('close', () => server_.close());
  server_.on('close', () => client.close());
  client.on('error', () => server_.terminate());
  server_.on('error', () => client.terminate());
});

server.on('listening', () => {
  const address = server.address();
  port.postMessage({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});

port.on('message', (message: { type: 'records' }) => {
  if (message.type === 'records') port.postMessage({ type: 'records', records });
});
