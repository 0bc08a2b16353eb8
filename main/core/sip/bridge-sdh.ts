import type { SessionDescriptionHandler, SessionDescriptionHandlerOptions } from 'sip.js';
import type { MediaBridge } from './media-bridge.js';

/** The options sip.js passes through from `session.invite({ sessionDescriptionHandlerOptions })`. */
export interface BridgeSdhOptions extends SessionDescriptionHandlerOptions {
  hold?: boolean;
}

/**
 * A sip.js SessionDescriptionHandler that owns no media itself: every step is forwarded to a
 * MediaBridge (renderer WebRTC or plain RTP). Signalling stays in main; media lives wherever it
 * can. Hold is remembered so a re-INVITE that sip.js issues on its own keeps the same direction.
 */
export class BridgeSessionDescriptionHandler implements SessionDescriptionHandler {
  private hold = false;
  private closed = false;

  constructor(
    private readonly bridge: MediaBridge,
    private readonly onDtmfError: (error: unknown) => void = () => {},
  ) {}

  async getDescription(options?: BridgeSdhOptions): Promise<{ body: string; contentType: string }> {
    if (options?.hold !== undefined) this.hold = options.hold;
    return this.bridge.getDescription({ hold: this.hold });
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  async setDescription(sdp: string, options?: BridgeSdhOptions): Promise<void> {
    if (options?.hold !== undefined) this.hold = options.hold;
    await this.bridge.setDescription(sdp, { hold: this.hold });
  }

  async rollbackDescription(): Promise<void> {
    // Neither bridge keeps a pending local offer across a glare; nothing to undo.
  }

  /**
   * sip.js wants a synchronous answer; the bridge is asynchronous. The service calls the bridge
   * directly (and awaits it); this path only serves sip.js-internal callers.
   */
  sendDtmf(tones: string, options?: unknown): boolean {
    const o = (options ?? {}) as { duration?: number; interToneGap?: number };
    this.bridge.sendDtmf(tones, { durationMs: o.duration ?? 160, gapMs: o.interToneGap ?? 80 }).catch(this.onDtmfError);
    return true;
  }

  /**
   * sip.js closes one handler per early dialog it gives up on, and they all share the call's
   * bridge: the service closes the bridge once, when the call ends.
   */
  close(): void {
    this.closed = true;
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
