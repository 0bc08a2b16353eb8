import { randomUUID } from 'node:crypto';
import type { MediaOperation, MediaResponse } from '../../../shared/sip.js';
import type { EventHub } from '../api/event-hub.js';
import type { MediaBridge, MediaBridgeFactory, MediaCallInfo } from './media-bridge.js';

export interface RendererMediaOptions {
  events: EventHub;
  /** An answer slower than this means the renderer is gone: the call ends as media-lost. */
  timeoutMs?: number;
}

/**
 * MediaBridge over the contract: each step is a `sip.media.request` event for the renderer's
 * WebRTC module, answered by the `mediaRespond` call with the same id.
 *
 *   main (sip.js SDH)                      renderer (RTCPeerConnection)
 *   getDescription ── media.request {id} ──▶ createOffer/Answer, ICE gathering
 *                  ◀── mediaRespond {id, description}
 *
 * Requests that the renderer never answers (reload, crash) time out and report media-lost, so a
 * call never hangs on a dead window.
 */
export function createRendererMedia(options: RendererMediaOptions): MediaBridgeFactory {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const pending = new Map<string, { resolve: (r: MediaResponse) => void; timer: NodeJS.Timeout }>();
  const lostListeners: Array<(callId: string, why: string) => void> = [];

  const request = (callId: string, operation: MediaOperation, reportLost = true): Promise<MediaResponse & { ok: true }> =>
    new Promise((resolve, reject) => {
      const id = randomUUID();
      const timer = setTimeout(() => {
        pending.delete(id);
        if (reportLost) for (const l of lostListeners) l(callId, `media module did not answer ${operation.op}`);
        reject(new Error(`media module did not answer ${operation.op} within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, {
        timer,
        resolve: (response) => (response.ok ? resolve(response) : reject(new Error(response.error))),
      });
      options.events.emit({ type: 'sip.media.request', request: { id, callId, ...operation } });
    });

  return {
    create(call: MediaCallInfo): MediaBridge {
      let closed = false;
      return {
        async getDescription({ hold }) {
          const response = await request(call.callId, { op: 'getDescription', hold, iceServers: call.iceServers });
          if (!response.description) throw new Error('media module answered getDescription without a description');
          return response.description;
        },
        async setDescription(sdp, { hold }) {
          await request(call.callId, { op: 'setDescription', sdp, hold, iceServers: call.iceServers });
        },
        async sendDtmf(tones, { durationMs, gapMs }) {
          const response = await request(call.callId, { op: 'sendDtmf', tones, durationMs, gapMs });
          return response.sent !== false;
        },
        async setMute(muted) {
          await request(call.callId, { op: 'setMute', muted });
        },
        close() {
          if (closed) return;
          closed = true;
          // Fire and forget: the call is over whatever the renderer says.
          request(call.callId, { op: 'close' }, false).catch(() => {});
        },
      };
    },
    respond(response) {
      const entry = pending.get(response.id);
      if (!entry) return; // late answer to a timed-out request: the call is already ended
      pending.delete(response.id);
      clearTimeout(entry.timer);
      entry.resolve(response);
    },
    onMediaLost(listener) {
      lostListeners.push(listener);
    },
  };
}
