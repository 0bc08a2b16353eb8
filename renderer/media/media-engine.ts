import type { DialdeskApi, DialdeskEvent } from '../../shared/contract/index.js';
import { loadAudioPrefs } from './audio-prefs.js';
import { PeerCallMedia } from './call-media.js';
import { MediaRequestRouter } from './request-router.js';

export interface DeviceOffer {
  notice: string;
  accept(): Promise<void>;
}

export interface MediaEngineOptions {
  /** SIP carries complete SDP: stop waiting for ICE candidates after this. */
  iceGatheringTimeoutMs?: number;
}

/**
 * The renderer's half of the media bridge (see main/core/sip/renderer-media.ts): answers every
 * `sip.media.request` with `mediaRespond`, one RTCPeerConnection per call. On start it tells the
 * core it has no media (`mediaReset`), so a call that relied on a previous window ends cleanly
 * instead of staying up silent.
 */
export class MediaEngine {
  private readonly router: MediaRequestRouter;
  private readonly peers = new Map<string, PeerCallMedia>();
  private readonly problems = new Map<string, string>();
  private readonly offers = new Map<string, DeviceOffer>();
  private readonly listeners = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;
  private context: AudioContext | null = null;
  private starts = 0;

  constructor(
    private readonly api: DialdeskApi,
    options: MediaEngineOptions = {},
  ) {
    const iceGatheringTimeoutMs = options.iceGatheringTimeoutMs ?? 2000;
    this.router = new MediaRequestRouter((callId) => {
      const peer = new PeerCallMedia({
        callId,
        prefs: loadAudioPrefs,
        audioParent: () => document.body,
        audioContext: () => this.audioContext(),
        iceGatheringTimeoutMs,
        onProblem: (id, message) => this.setProblem(id, message),
        onDeviceBack: (id, notice, switchBack) => {
          this.offers.set(id, {
            notice,
            accept: async () => {
              this.offers.delete(id);
              this.problems.delete(id);
              this.notify();
              await switchBack().catch((error: unknown) => this.setProblem(id, `Could not switch back (${String(error)}).`));
            },
          });
          this.notify();
        },
      });
      this.peers.set(callId, peer);
      return {
        getDescription: (o) => peer.getDescription(o),
        setDescription: (sdp, o) => peer.setDescription(sdp, o),
        sendDtmf: (tones, o) => peer.sendDtmf(tones, o),
        setMute: (muted) => peer.setMute(muted),
        close: () => {
          peer.close();
          this.peers.delete(callId);
          this.offers.delete(callId);
        },
      };
    });
  }

  /** Subscribes to media requests and resets the core's view of media. Counted: StrictMode mounts twice. */
  start(): void {
    this.starts++;
    if (this.unsubscribe) return;
    this.unsubscribe = this.api.onEvent((event) => this.onEvent(event));
    void this.api.mediaReset({});
  }

  stop(): void {
    this.starts = Math.max(0, this.starts - 1);
    if (this.starts > 0 || !this.unsubscribe) return;
    this.unsubscribe();
    this.unsubscribe = null;
    this.router.closeAll();
    this.peers.clear();
  }

  /** Microphone and far-end RMS of a call (0 when it has no media). */
  levels(callId: string): { mic: number; remote: number } {
    return this.peers.get(callId)?.levels() ?? { mic: 0, remote: 0 };
  }

  /** The audio codec of a call once media flows (the Phone screen's test call shows it). */
  async codec(callId: string): Promise<string | null> {
    return (await this.peers.get(callId)?.codec()) ?? null;
  }

  /** A call's WebRTC media (the voicemail drop plays into it and listens to it), or null once it ended. */
  callMedia(callId: string): PeerCallMedia | null {
    return this.peers.get(callId) ?? null;
  }

  /** The last media problem of a call, for the call bar. */
  problem(callId: string): string | null {
    return this.problems.get(callId) ?? null;
  }

  /** A device the rep chose that came back mid-call, with the switch to it. */
  deviceOffer(callId: string): DeviceOffer | null {
    return this.offers.get(callId) ?? null;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private onEvent(event: DialdeskEvent): void {
    if (event.type !== 'sip.media.request') return;
    const { request } = event;
    void this.router.handle(request).then((response) => this.api.mediaRespond(response));
  }

  private setProblem(callId: string, message: string): void {
    this.problems.set(callId, message);
    if (this.problems.size > 20) this.problems.delete(this.problems.keys().next().value as string);
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private audioContext(): AudioContext | null {
    if (typeof AudioContext === 'undefined') return null;
    this.context ??= new AudioContext();
    if (this.context.state === 'suspended') void this.context.resume().catch(() => undefined);
    return this.context;
  }
}

const engines = new WeakMap<DialdeskApi, MediaEngine>();

/** The one media engine of an API (the app mounts it once; the call bar reads its levels). */
export function mediaEngineFor(api: DialdeskApi): MediaEngine {
  let engine = engines.get(api);
  if (!engine) {
    engine = new MediaEngine(api);
    engines.set(api, engine);
  }
  return engine;
}
