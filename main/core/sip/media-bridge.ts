import type { CallDirection, MediaResponse } from '../../../shared/sip.js';

/**
 * The media side of one call. The core's SessionDescriptionHandler forwards sip.js's media steps
 * here; the app implements it over the contract with the renderer's RTCPeerConnection
 * (renderer-media.ts); the lab tests with a plain-RTP double (tests/support/media/plain-rtp-media.ts).
 */
export interface MediaBridge {
  /** Local SDP: an offer, or the answer once an offer was set. `hold` asks for sendonly. */
  getDescription(options: { hold: boolean }): Promise<{ body: string; contentType: string }>;
  /** Remote SDP (offer or answer). Rejects when there is no usable audio. */
  setDescription(sdp: string, options: { hold: boolean }): Promise<void>;
  /** RFC 4733 telephone-events in the media stream; false when the far end did not offer them. */
  sendDtmf(tones: string, options: { durationMs: number; gapMs: number }): Promise<boolean>;
  setMute(muted: boolean): Promise<void>;
  /** Idempotent. */
  close(): void;
}

export interface MediaCallInfo {
  callId: string;
  direction: CallDirection;
  iceServers: string[];
}

export interface MediaBridgeFactory {
  create(call: MediaCallInfo): MediaBridge;
  /** The renderer's answers to media requests (only the renderer bridge has them). */
  respond?(response: MediaResponse): void;
  /**
   * Registers the callback the factory calls when a call's media is gone (renderer reloaded, a
   * request timed out); the service ends that call with reason `media-lost`.
   */
  onMediaLost?(listener: (callId: string, why: string) => void): void;
}
