/**
 * A WebSocket relay in front of Kamailio that records when SIP messages are on the wire: the
 * first INVITE of each call as it leaves the core, and each INVITE's final response as it comes
 * back. The core's account points at `url` instead of Kamailio's WebSocket port.
 */
import { once } from 'node:events';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { bundleForNode } from '../support/bundle-for-node.js';

/** Times are `performance.timeOrigin + performance.now()` in ms, taken by the relay's own thread. */
export type WireRecord =
  | { kind: 'invite'; callId: string; uri: string; at: number }
  | { kind: 'final'; callId: string; status: number; at: number };

export interface WireRelay {
  url: string;
  records(): Promise<WireRecord[]>;
  close(): Promise<void>;
}

export async function startWireRelay(upstream: string): Promise<WireRelay> {
  // Bundled for plain node: the worker thread has no TypeScript loader.
  const file = await bundleForNode(join(import.meta.dirname, 'wire-relay-worker.ts'), 'wire-relay-worker');
  const worker = new Worker(file, { workerData: { upstream } });
  const [listening] = (await once(worker, 'message')) as [{ type: 'listening'; port: number }];
  return {
    url: `ws://127.0.0.1:${listening.port}`,
    async records() {
      worker.postMessage({ type: 'records' });
      const [reply] = (await once(worker, 'message')) as [{ type: 'records'; records: WireRecord[] }];
      return reply.records;
    },
    async close() {
      await worker.terminate();
    },
  };
}
