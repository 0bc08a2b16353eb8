/**
 * One call's WebRTC media in the page. Over 300 lines because the peer
 * connection, the microphone and the speaker share one lifecycle that has to
 * stay consistent through offers, holds, mutes, a message played into the
 * call and a headset unplugged mid-call; the pure rules (SDP directions,
 * device fall-back) live in their own modules beside it.
 */
import { microphoneConstraints, type AudioPrefs } from './audio-prefs.js';
import { decideDevice, type DeviceKind } from './device-fallback.js';
import { StreamLevel } from './level-meter.js';
import type { CallMedia } from './request-router.js';
import { iceServersFor, localDirection, remoteDescriptionType } from './sdp.js';

export interface PeerCallOptions {
  callId: string;
  prefs: () => AudioPrefs;
  /** Where the call's `<audio>` element goes (it renders nothing: no controls). */
  audioParent: () => HTMLElement;
  /** Shared for every call's level meters; made on first use. */
  audioContext: () => AudioContext | null;
  /** No candidates arrive after this: send what we have (SIP has no trickle ICE). */
  iceGatheringTimeoutMs: number;
  /** A problem the rep should see (microphone refused, speaker missing). */
  onProblem: (callId: string, message: string) => void;
  /** The rep's chosen device is back mid-call: offered with a way to switch to it. */
  onDeviceBack: (callId: string, notice: string, switchBack: () => Promise<void>) => void;
}

/**
 * One call's WebRTC media: an RTCPeerConnection with one audio transceiver, the microphone from
 * getUserMedia, the far end through an `<audio>` element on the chosen speaker, level taps for
 * the call bar. Offers/answers are complete (ICE gathered) because SIP carries one SDP per step.
 */
export class PeerCallMedia implements CallMedia {
  private pc: RTCPeerConnection | null = null;
  private mic: MediaStream | null = null;
  private micPending: Promise<MediaStream> | null = null;
  private transceiver: RTCRtpTransceiver | null = null;
  private readonly remote = new MediaStream();
  private readonly audio: HTMLAudioElement;
  private micLevel: StreamLevel | null = null;
  private remoteLevel: StreamLevel | null = null;
  private muted = false;
  /** On hold the microphone is silenced too: a lead on hold must not overhear the rep. */
  private held = false;
  /** A voicemail message is being sent instead of the microphone. */
  private messagePlaying = false;
  private closed = false;
  /** The devices the call uses now ('' = the system default), which may differ from the rep's choice. */
  private readonly using: Record<DeviceKind, string> = { microphone: '', speaker: '' };
  private readonly onDeviceChange = () => void this.followDevices();

  constructor(private readonly options: PeerCallOptions) {
    this.audio = document.createElement('audio');
    this.audio.autoplay = true;
    this.audio.className = 'call-audio';
    this.audio.dataset.callId = options.callId;
    options.audioParent().append(this.audio);
    navigator.mediaDevices?.addEventListener?.('devicechange', this.onDeviceChange);
  }

  /** The audio codec on the wire ("opus/48000", "PCMU/8000"), from the connection's stats; null before media flows. */
  async codec(): Promise<string | null> {
    return this.pc ? codecOf(await this.pc.getStats()) : null;
  }

  /** The current microphone and far-end RMS (0…1), for the level meter. */
  levels(): { mic: number; remote: number } {
    return { mic: this.micLevel?.rms() ?? 0, remote: this.remoteLevel?.rms() ?? 0 };
  }

  async getDescription({ hold, iceServers }: { hold: boolean; iceServers: string[] }): Promise<{ body: string; contentType: string }> {
    const pc = this.peer(iceServers);
    const mic = await this.microphone();
    this.assertOpen();
    this.setHeld(hold);
    if (pc.signalingState === 'have-remote-offer') {
      this.attachMicToOffer(mic, hold);
      await pc.setLocalDescription(await pc.createAnswer());
    } else {
      if (!this.transceiver) {
        this.transceiver = pc.addTransceiver(mic.getAudioTracks()[0], { direction: localDirection(hold), streams: [mic] });
      } else {
        this.transceiver.direction = localDirection(hold);
      }
      await pc.setLocalDescription(await pc.createOffer());
    }
    await gatherIce(pc, this.options.iceGatheringTimeoutMs);
    this.assertOpen();
    const sdp = pc.localDescription?.sdp;
    if (!sdp) throw new Error('the peer connection produced no local description');
    return { body: sdp, contentType: 'application/sdp' };
  }

  async setDescription(sdp: string, { hold, iceServers }: { hold: boolean; iceServers: string[] }): Promise<void> {
    const pc = this.peer(iceServers);
    const type = remoteDescriptionType(pc.signalingState);
    await pc.setRemoteDescription({ type, sdp });
    this.setHeld(hold);
    if (type === 'offer') {
      // An inbound call or the far end's re-INVITE: our answer needs the microphone on the transceiver.
      const mic = await this.microphone();
      this.assertOpen();
      this.attachMicToOffer(mic, hold);
    }
  }

  /** False when the far end took no RFC 4733 telephone-events: main then sends the digits as SIP INFO. */
  async sendDtmf(tones: string, { durationMs, gapMs }: { durationMs: number; gapMs: number }): Promise<boolean> {
    const dtmf = this.transceiver?.sender.dtmf;
    if (!dtmf) throw new Error('no audio sender for DTMF yet');
    if (!dtmf.canInsertDTMF) return false;
    const duration = Math.min(6000, Math.max(40, durationMs));
    const gap = Math.max(30, gapMs);
    await new Promise<void>((resolve) => {
      // Answer once the tones have gone out, so the keypad's next press queues behind them.
      const timer = setTimeout(finish, tones.length * (duration + gap) + 1000);
      function finish() {
        clearTimeout(timer);
        dtmf?.removeEventListener('tonechange', onTone);
        resolve();
      }
      function onTone(event: RTCDTMFToneChangeEvent) {
        if (event.tone === '') finish();
      }
      dtmf.addEventListener('tonechange', onTone);
      dtmf.insertDTMF(tones, duration, gap);
    });
    return true;
  }

  setMute(muted: boolean): void {
    this.muted = muted;
    this.applyMicrophoneState();
  }

  private setHeld(held: boolean): void {
    this.held = held;
    this.applyMicrophoneState();
  }

  /**
   * The sender keeps its track (so resuming needs no renegotiation) but sends
   * silence while muted or held: RFC 3264's sendonly hold leaves what to send
   * to us, and the rep's voice is the one thing it must not be.
   */
  private applyMicrophoneState(): void {
    for (const track of this.mic?.getAudioTracks() ?? []) track.enabled = !this.muted && !this.held && !this.messagePlaying;
  }

  /** The far end's audio, for the beep detector (shares the meters' AudioContext). */
  remoteAudio(): { context: AudioContext | null; stream: MediaStream } {
    return { context: this.options.audioContext(), stream: this.remote };
  }

  /**
   * Sends `track` (a voicemail message) instead of the microphone, which is
   * muted meanwhile; `null` gives the line back to the microphone. The sender
   * swaps tracks in place (replaceTrack), so no re-INVITE is needed.
   */
  async sendInsteadOfMicrophone(track: MediaStreamTrack | null): Promise<void> {
    const sender = this.transceiver?.sender;
    if (!sender || this.closed) throw new Error('the call has no outgoing audio to replace');
    this.messagePlaying = track !== null;
    this.applyMicrophoneState();
    await sender.replaceTrack(track ?? this.mic?.getAudioTracks()[0] ?? null);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    navigator.mediaDevices?.removeEventListener?.('devicechange', this.onDeviceChange);
    this.pc?.close();
    this.pc = null;
    for (const track of this.mic?.getTracks() ?? []) track.stop();
    void this.micPending?.then((stream) => stream.getTracks().forEach((t) => t.stop())).catch(() => undefined);
    this.micLevel?.disconnect();
    this.remoteLevel?.disconnect();
    this.audio.srcObject = null;
    this.audio.remove();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the call ended while its media was being set up');
  }

  private peer(iceServers: string[]): RTCPeerConnection {
    this.assertOpen();
    if (this.pc) return this.pc;
    // 'balanced', not 'max-bundle': a SIP peer or media relay answers without a=group:BUNDLE, which
    // Chromium refuses under max-bundle ("Answer cannot remove m= section ... from BUNDLE group").
    const pc = new RTCPeerConnection({ iceServers: iceServersFor(iceServers), bundlePolicy: 'balanced', rtcpMuxPolicy: 'require' });
    pc.addEventListener('track', (event) => {
      if (event.track.kind !== 'audio') return;
      this.remote.addTrack(event.track);
      this.playRemote();
    });
    this.pc = pc;
    return pc;
  }

  /** The transceiver the remote offer created (or ours, on a re-offer), sending the microphone. */
  private attachMicToOffer(mic: MediaStream, hold: boolean): void {
    const pc = this.pc;
    if (!pc) return;
    const transceiver =
      this.transceiver ?? pc.getTransceivers().find((t) => t.receiver.track.kind === 'audio' && t.currentDirection !== 'stopped') ?? null;
    if (!transceiver) throw new Error('the offer has no audio');
    this.transceiver = transceiver;
    const track = mic.getAudioTracks()[0];
    if (transceiver.sender.track !== track) {
      void transceiver.sender.replaceTrack(track);
      transceiver.sender.setStreams(mic);
    }
    transceiver.direction = localDirection(hold);
  }

  private microphone(): Promise<MediaStream> {
    if (this.mic) return Promise.resolve(this.mic);
    this.micPending ??= this.openMicrophone().then((stream) => {
      if (this.closed) {
        stream.getTracks().forEach((t) => t.stop());
        throw new Error('the call ended while the microphone was opening');
      }
      this.useMicrophone(stream);
      return stream;
    });
    return this.micPending;
  }

  private async openMicrophone(): Promise<MediaStream> {
    const prefs = this.options.prefs();
    if (!navigator.mediaDevices?.getUserMedia) throw new Error('microphone unavailable: this window has no media devices');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: microphoneConstraints(prefs), video: false });
      this.using.microphone = prefs.inputDeviceId;
      return stream;
    } catch (error) {
      // The chosen microphone was unplugged: fall back to the default one and say so.
      if (prefs.inputDeviceId && error instanceof DOMException && (error.name === 'OverconstrainedError' || error.name === 'NotFoundError')) {
        this.options.onProblem(this.options.callId, 'The chosen microphone is missing; using the default one.');
        this.using.microphone = '';
        return navigator.mediaDevices.getUserMedia({ audio: microphoneConstraints({ ...prefs, inputDeviceId: '' }), video: false });
      }
      const message = `microphone unavailable (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`;
      this.options.onProblem(this.options.callId, `No microphone: ${message}`);
      throw new Error(message);
    }
  }

  private playRemote(): void {
    if (this.closed) return;
    if (this.audio.srcObject !== this.remote) this.audio.srcObject = this.remote;
    const context = this.options.audioContext();
    if (context && !this.remoteLevel) this.remoteLevel = new StreamLevel(context, this.remote);
    const { outputDeviceId } = this.options.prefs();
    void this.useSpeaker(outputDeviceId)
      .catch(() => this.options.onProblem(this.options.callId, 'The chosen speaker is missing; playing on the default one.'))
      .then(() => this.audio.play())
      .catch((error: unknown) => this.options.onProblem(this.options.callId, `The call's audio could not play (${String(error)}).`));
  }

  private async useSpeaker(deviceId: string): Promise<void> {
    if (typeof this.audio.setSinkId !== 'function') return;
    // '' is the system default; set it explicitly so a fall-back really leaves the lost device.
    if (deviceId !== '' || this.using.speaker !== '') await this.audio.setSinkId(deviceId);
    this.using.speaker = deviceId;
  }

  /** A stream becomes the call's microphone: mute and hold carry over, the level meter follows. */
  private useMicrophone(stream: MediaStream): void {
    this.mic = stream;
    this.applyMicrophoneState();
    // Unplugging can end the track before (or without) a devicechange event.
    for (const track of stream.getAudioTracks()) track.addEventListener('ended', this.onDeviceChange);
    this.micLevel?.disconnect();
    const context = this.options.audioContext();
    this.micLevel = context ? new StreamLevel(context, stream) : null;
  }

  /** Swaps the microphone under a live call: the sender gets the new track, no renegotiation. */
  private async switchMicrophone(deviceId: string): Promise<void> {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: microphoneConstraints({ ...this.options.prefs(), inputDeviceId: deviceId }), video: false });
    if (this.closed) {
      stream.getTracks().forEach((t) => t.stop());
      return;
    }
    const old = this.mic;
    this.useMicrophone(stream);
    this.using.microphone = deviceId;
    const sender = this.transceiver?.sender;
    if (sender) {
      await sender.replaceTrack(stream.getAudioTracks()[0]);
      sender.setStreams(stream);
    }
    for (const track of old?.getTracks() ?? []) {
      track.removeEventListener('ended', this.onDeviceChange);
      track.stop();
    }
  }

  /** Devices came or went: fall back from a lost one at once, offer the chosen one when it returns. */
  private async followDevices(): Promise<void> {
    if (this.closed || !navigator.mediaDevices?.enumerateDevices) return;
    const devices = await navigator.mediaDevices.enumerateDevices();
    const prefs = this.options.prefs();
    const mic = this.mic?.getAudioTracks()[0];
    // An ended track is gone whatever the list says (some systems list a device a moment longer).
    const inputs = devices.filter((d) => d.kind === 'audioinput' && !(mic?.readyState === 'ended' && d.deviceId === this.using.microphone));
    const outputs = devices.filter((d) => d.kind === 'audiooutput');
    const labelOf = (list: MediaDeviceInfo[], id: string) => list.find((d) => d.deviceId === id)?.label;
    const switches: Record<DeviceKind, (id: string) => Promise<void>> = {
      microphone: (id) => this.switchMicrophone(id),
      speaker: (id) => this.useSpeaker(id),
    };
    for (const [kind, list, chosenId] of [
      ['microphone', inputs, prefs.inputDeviceId],
      ['speaker', outputs, prefs.outputDeviceId],
    ] as const) {
      if (kind === 'microphone' && !this.mic) continue;
      const decision = decideDevice({ kind, chosenId, currentId: this.using[kind], present: list.map((d) => d.deviceId), chosenLabel: labelOf(list, chosenId) });
      if (decision.action === 'fall-back') {
        await switches[kind]('').then(
          () => this.options.onProblem(this.options.callId, decision.notice),
          (error: unknown) => this.options.onProblem(this.options.callId, `No ${kind} left for the call (${String(error)}).`),
        );
      } else if (decision.action === 'offer-return') {
        this.options.onDeviceBack(this.options.callId, decision.notice, () => switches[kind](decision.deviceId));
      }
    }
  }
}

/** Resolves when ICE gathering is complete or after `timeoutMs`, whichever comes first. */
function gatherIce(pc: RTCPeerConnection, timeoutMs: number): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    function check() {
      if (pc.iceGatheringState === 'complete') done();
    }
    function onCandidate(event: RTCPeerConnectionIceEvent) {
      if (event.candidate === null) done();
    }
    function done() {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      pc.removeEventListener('icecandidate', onCandidate);
      resolve();
    }
    pc.addEventListener('icegatheringstatechange', check);
    pc.addEventListener('icecandidate', onCandidate);
  });
}

/** The codec the outbound (else inbound) RTP stream uses, from an RTCStatsReport. */
export function codecOf(report: Pick<RTCStatsReport, 'forEach'>): string | null {
  const codecs = new Map<string, { mimeType: string; clockRate?: number }>();
  const used: Record<'outbound-rtp' | 'inbound-rtp', string | null> = { 'outbound-rtp': null, 'inbound-rtp': null };
  report.forEach((stat: { id: string; type: string; codecId?: string; mimeType?: string; clockRate?: number; kind?: string }) => {
    if (stat.type === 'codec' && stat.mimeType) codecs.set(stat.id, { mimeType: stat.mimeType, clockRate: stat.clockRate });
    if ((stat.type === 'outbound-rtp' || stat.type === 'inbound-rtp') && stat.codecId && stat.kind !== 'video') used[stat.type] = stat.codecId;
  });
  const codec = codecs.get(used['outbound-rtp'] ?? used['inbound-rtp'] ?? '');
  if (!codec) return null;
  const name = codec.mimeType.replace(/^audio\//i, '');
  return codec.clockRate ? `${name}/${codec.clockRate}` : name;
}
