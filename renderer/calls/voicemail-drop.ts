import type { DialdeskApi, VoicemailAudio, VoicemailAudioSettings } from '../../shared/contract/index.js';
import type { DetectorEvent } from '../../shared/voicemail/beep-detector.js';
import type { DeliveryWay } from '../../shared/voicemail/delivery.js';
import type { PeerCallMedia } from '../media/call-media.js';
import type { AudioTap } from '../media/audio-tap.js';
import { listenToFarEnd } from '../media/far-end-listener.js';
import { decodeMessage, playIntoCall, type PlayingMessage } from '../media/message-player.js';
import { fromBase64 } from '../media/base64.js';

/**
 * One answered outbound call's voicemail drop:
 *
 *   preparing ──▶ ready ──answered──▶ listening ──beep / silence after greeting──▶ playing ──ends──▶ left
 *      │            │                    │  │  │                                     ▲  │
 *      ▼            │                    │  │  └──human──▶ human ──beep (a machine)──┘  Esc──▶ taken-back
 *   unavailable     │                    │  └──SIT──▶ intercepted (settled as a bad number, hung up; never played)
 *                   │                    └──Esc──▶ cancelled
 *                   └──────────── V (any time before playing) ──────────────────▶ playing
 *
 * A person's hello is answered at once (the rep talks), but the detector listens a few seconds longer: a beep
 * then means a short greeting from a machine after all, and the message still plays. An intercept's SIT tones
 * settle the call as a bad number: the number is not in service, nothing is played and the call is hung up.
 *
 * "left" records the attempt as a voicemail with the way, duration, trigger,
 * script and promise, then hangs up unless the settings say stay. Teleprompter
 * stages never play: the rep reads live.
 */
export type DropPhase =
  | 'preparing'
  | 'ready'
  | 'teleprompter'
  | 'unavailable'
  | 'listening'
  | 'human'
  | 'intercepted'
  | 'undecided'
  | 'playing'
  | 'left'
  | 'cancelled'
  | 'taken-back'
  | 'failed';

export interface DropView {
  phase: DropPhase;
  way: DeliveryWay | null;
  /** What the rep reads: the reason a drop is unavailable, what was heard, what was recorded. */
  message: string;
  /** The greeting was heard: a machine, waiting for its beep. */
  greeting: boolean;
}

export type Trigger = 'beep' | 'silence-after-greeting' | 'rep';

const PLAYABLE: readonly DropPhase[] = ['ready', 'listening', 'human', 'undecided', 'cancelled'];

export class VoicemailDrop {
  private view: DropView = { phase: 'preparing', way: null, message: 'Preparing the voicemail…', greeting: false };
  private audio: VoicemailAudio | null = null;
  private decoded: Promise<AudioBuffer> | null = null;
  private settings: VoicemailAudioSettings | null = null;
  private listener: AudioTap | null = null;
  private playing: PlayingMessage | null = null;
  private disposed = false;

  constructor(
    private readonly api: DialdeskApi,
    private readonly callId: string,
    private readonly leadId: string,
    private readonly media: () => PeerCallMedia | null,
    private readonly onChange: (view: DropView) => void,
  ) {}

  private phase(): DropPhase {
    return this.view.phase;
  }

  get current(): DropView {
    return this.view;
  }

  /** Fetches the settings and the message while the call rings, so the drop can start the moment it is needed. */
  async prepare(): Promise<void> {
    const [settings, prepared] = await Promise.all([this.api.getVoicemailAudioSettings({}), this.api.prepareVoicemail({ leadId: this.leadId })]);
    if (!settings.ok || !prepared.ok) return this.set({ phase: 'unavailable', message: (!settings.ok ? settings.error : !prepared.ok ? prepared.error : null)!.message });
    this.settings = settings.value;
    const way = settings.value.wayByStage[prepared.value.stage];
    if (way === 'teleprompter') return this.set({ phase: 'teleprompter', way, message: 'This stage is read live: the script is on the teleprompter.' });
    const audio = await this.api.prepareVoicemailAudio({ leadId: this.leadId, way });
    if (!audio.ok) return this.set({ phase: 'unavailable', way, message: audio.error.message });
    this.audio = audio.value;
    this.set({ phase: 'ready', way, message: `Message ready (${audio.value.durationS.toFixed(0)} s). V plays it now.` });
  }

  /** The call was answered: listen for the beep when automatic drops are on. */
  async answered(): Promise<void> {
    if (this.view.phase !== 'ready' || !this.settings?.autoDrop) return;
    const media = this.media();
    const { context, stream } = media?.remoteAudio() ?? { context: null, stream: null };
    if (!context || !stream) return this.set({ phase: 'failed', message: 'The call has no audio to listen to; press V to drop.' });
    this.decodeAhead(context);
    this.set({ phase: 'listening', message: 'Listening for a greeting and the beep… Esc cancels.' });
    try {
      this.listener = await listenToFarEnd(context, stream, { silenceAfterGreetingMs: this.settings.silenceAfterGreetingMs }, (e) => this.heard(e));
    } catch (error) {
      return this.set({ phase: 'failed', message: `Cannot listen for the beep (${error instanceof Error ? error.message : String(error)}); press V to drop.` });
    }
    // Esc, V or the end of the call may have come while the worklet loaded.
    if (this.disposed || this.phase() !== 'listening') this.listener.stop();
  }

  /** V: play the message now (a live human answered and asked for it, or the rep heard the beep first). */
  dropNow(): Promise<void> {
    return this.play('rep');
  }

  /** Esc: stop listening (no automatic drop), or take the line back from a playing message. */
  async cancel(): Promise<void> {
    if (this.view.phase === 'listening') {
      this.listener?.stop();
      this.set({ phase: 'cancelled', message: 'Automatic drop cancelled. V still plays the message.' });
    } else if (this.view.phase === 'playing') {
      await this.playing?.takeBack();
    }
  }

  dispose(): void {
    this.disposed = true;
    this.listener?.stop();
    void this.playing?.takeBack().catch(() => undefined);
  }

  private decodeAhead(context: AudioContext): Promise<AudioBuffer> {
    this.decoded ??= decodeMessage(context, fromBase64(this.audio!.wavBase64));
    // A failure shows when the message is played; until then it must not go unhandled.
    this.decoded.catch(() => undefined);
    return this.decoded;
  }

  private heard(event: DetectorEvent): void {
    const phase = this.view.phase;
    // After a person's hello the detector still listens for a beep a few seconds (a short machine greeting).
    if (phase === 'human' && this.listener && event.kind === 'beep') return void this.play('beep');
    if (phase === 'human' && event.kind === 'machine-greeting') return this.set({ phase: 'listening', greeting: true, message: 'A recorded greeting after all: waiting for the beep…' });
    if (phase !== 'listening') return;
    if (event.kind === 'machine-greeting') this.set({ greeting: true, message: 'A recorded greeting: waiting for the beep…' });
    else if (event.kind === 'human') this.set({ phase: 'human', message: 'A person answered: the call is yours.' });
    else if (event.kind === 'unknown') this.set({ phase: 'undecided', message: 'No beep heard. V plays the message.' });
    else if (event.kind === 'sit') void this.intercepted();
    else if (event.kind === 'beep' || event.kind === 'silence-after-greeting') void this.play(event.kind);
  }

  /** SIT tones: the number is not in service. Settled as a bad number and hung up; no message is played. */
  private async intercepted(): Promise<void> {
    this.listener?.stop();
    this.set({ phase: 'intercepted', message: 'Number not in service (intercept tones): recorded as a bad number, no message played.' });
    const settled = await this.api.settleCall({ id: this.callId, outcome: 'bad-number', note: 'Intercept tones (SIT): the number is not in service.' });
    if (!settled.ok) return this.set({ phase: 'failed', message: `Intercept tones heard, but the call was not recorded: ${settled.error.message}` });
    if (!this.disposed) await this.api.hangUp({ callId: this.callId });
  }

  private async play(trigger: Trigger): Promise<void> {
    const media = this.media();
    const audio = this.audio;
    const context = media?.remoteAudio().context ?? null;
    if (!PLAYABLE.includes(this.view.phase) || !audio || !media || !context) return;
    this.listener?.stop();
    this.set({ phase: 'playing', message: 'Playing the message into the call; your microphone is off. Esc takes the line back.' });
    try {
      const buffer = await this.decodeAhead(context);
      this.playing = await playIntoCall({ context, sendInsteadOfMicrophone: (track) => media.sendInsteadOfMicrophone(track) }, buffer);
      const { completed, playedS } = await this.playing.done;
      if (!completed) return this.set({ phase: 'taken-back', message: 'You took the line back: nothing was recorded.' });
      const recorded = await this.api.recordVoicemailLeft({
        leadId: this.leadId,
        way: audio.way,
        durationS: Math.round(playedS * 10) / 10,
        trigger,
        ...(audio.scriptId ? { scriptId: audio.scriptId } : {}),
        ...(audio.scriptVersion ? { scriptVersion: audio.scriptVersion } : {}),
        ...(audio.promisedFor ? { promisedFor: audio.promisedFor } : {}),
      });
      if (!recorded.ok) return this.set({ phase: 'failed', message: `The message played but was not recorded: ${recorded.error.message}` });
      this.set({ phase: 'left', message: `Voicemail left${audio.promisedPhrase ? `; next attempt promised ${audio.promisedPhrase}` : ''}.` });
      if (this.settings?.afterMessage !== 'stay' && !this.disposed) await this.api.hangUp({ callId: this.callId });
    } catch (error) {
      this.set({ phase: 'failed', message: `The message could not play: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  private set(change: Partial<DropView>): void {
    if (this.disposed) return;
    this.view = { ...this.view, ...change };
    this.onChange(this.view);
  }
}
