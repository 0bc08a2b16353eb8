import type { MediaRequest, MediaResponse } from '../../shared/sip.js';

/** One call's media, as the router drives it (RTCPeerConnection in the app, a fake in tests). */
export interface CallMedia {
  getDescription(options: { hold: boolean; iceServers: string[] }): Promise<{ body: string; contentType: string }>;
  setDescription(sdp: string, options: { hold: boolean; iceServers: string[] }): Promise<void>;
  sendDtmf(tones: string, options: { durationMs: number; gapMs: number }): Promise<boolean>;
  setMute(muted: boolean): void;
  close(): void;
}

export type CallMediaFactory = (callId: string) => CallMedia;

/**
 * Routes the core's `sip.media.request`s to one CallMedia per call and turns every outcome into a
 * `MediaResponse` (never a throw: an unanswered request would leave the core waiting until its
 * timeout). Requests of one call run one after another, in arrival order — sip.js expects
 * setDescription(offer) to be done before it asks for the answer. A call's media is made by its
 * first description step; `close` drops it, and a later request for it is answered with an error.
 */
export class MediaRequestRouter {
  private readonly calls = new Map<string, { media: CallMedia; queue: Promise<unknown> }>();
  private readonly closed = new Set<string>();

  constructor(private readonly create: CallMediaFactory) {}

  /** Call ids that currently own media. */
  get activeCalls(): string[] {
    return [...this.calls.keys()];
  }

  media(callId: string): CallMedia | null {
    return this.calls.get(callId)?.media ?? null;
  }

  handle(request: MediaRequest): Promise<MediaResponse> {
    if (request.op === 'close') {
      const entry = this.calls.get(request.callId);
      this.calls.delete(request.callId);
      this.closed.add(request.callId);
      // Close after whatever is queued, but answer at once: the call is over either way.
      if (entry) void entry.queue.finally(() => safeClose(entry.media));
      return Promise.resolve({ id: request.id, ok: true });
    }
    let entry = this.calls.get(request.callId);
    if (!entry) {
      if (this.closed.has(request.callId)) return Promise.resolve(failure(request.id, `call ${request.callId} has no media any more`));
      if (request.op !== 'getDescription' && request.op !== 'setDescription') {
        return Promise.resolve(failure(request.id, `call ${request.callId} has no media yet`));
      }
      try {
        entry = { media: this.create(request.callId), queue: Promise.resolve() };
      } catch (error) {
        return Promise.resolve(failure(request.id, messageOf(error)));
      }
      this.calls.set(request.callId, entry);
    }
    const media = entry.media;
    const run = async (): Promise<MediaResponse> => {
      try {
        switch (request.op) {
          case 'getDescription':
            return { id: request.id, ok: true, description: await media.getDescription({ hold: request.hold, iceServers: request.iceServers }) };
          case 'setDescription':
            await media.setDescription(request.sdp, { hold: request.hold, iceServers: request.iceServers });
            return { id: request.id, ok: true };
          case 'sendDtmf':
            return { id: request.id, ok: true, sent: await media.sendDtmf(request.tones, { durationMs: request.durationMs, gapMs: request.gapMs }) };
          case 'setMute':
            media.setMute(request.muted);
            return { id: request.id, ok: true };
        }
      } catch (error) {
        return failure(request.id, messageOf(error));
      }
    };
    const result = entry.queue.then(run, run);
    entry.queue = result;
    return result;
  }

  /** Releases every call's media (the module is stopping). */
  closeAll(): void {
    for (const [callId, entry] of this.calls) {
      this.closed.add(callId);
      safeClose(entry.media);
    }
    this.calls.clear();
  }
}

function safeClose(media: CallMedia): void {
  try {
    media.close();
  } catch {
    // Closing is best effort: the peer connection may already be gone.
  }
}

function failure(id: string, error: string): MediaResponse {
  return { id, ok: false, error: error.slice(0, 1000) };
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}
