import type { DialdeskApi, DialdeskEvent } from '../../shared/contract/index.js';
import { fromBase64 } from '../media/base64.js';

/** SIP carries complete SDP: the far end's answer goes once its candidates are gathered (or after this). */
const ICE_GATHERING_TIMEOUT_MS = 2000;

interface FarEndCall {
  pc: RTCPeerConnection;
  source: AudioBufferSourceNode | null;
  heard: MediaStreamAudioSourceNode | null;
}

/**
 * The practice line's far ends, in the page: for each practice call a second RTCPeerConnection
 * answers the call's own offer (made by the call's media, renderer/media/call-media.ts, exactly as
 * for a SIP call) and sends the far end's audio, rendered by main, through WebAudio into it. The
 * call's peer receives that audio as it would a lead's phone, so the beep detector, the drop and
 * the read-out run for real. The far end hears the call too (a played message does arrive), and
 * drops what it hears.
 *
 *   main: practice.far-end.offer {sdp, wav} ──▶ far end: setRemote(offer), play wav, createAnswer
 *   main ◀── practiceAnswer {sdp} ──              (main sets it on the call's bridge: connected)
 *   main: practice.far-end.closed ──▶ far end closes
 */
export class PracticeFarEnds {
  private readonly calls = new Map<string, FarEndCall>();
  private context: AudioContext | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly api: DialdeskApi) {}

  start(): void {
    this.unsubscribe ??= this.api.onEvent((event) => this.onEvent(event));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const callId of [...this.calls.keys()]) this.close(callId);
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }

  private onEvent(event: DialdeskEvent): void {
    if (event.type === 'practice.far-end.offer') {
      void this.answer(event.callId, event.sdp, event.wavBase64).catch((error: unknown) => {
        this.close(event.callId);
        void this.api.practiceFarEndFailed({ callId: event.callId, error: error instanceof Error ? error.message : String(error) });
      });
    } else if (event.type === 'practice.far-end.closed') {
      this.close(event.callId);
    }
  }

  private async answer(callId: string, offer: string, wavBase64: string): Promise<void> {
    this.close(callId);
    const context = this.audioContext();
    const buffer = await context.decodeAudioData(fromBase64(wavBase64).buffer as ArrayBuffer);
    const pc = new RTCPeerConnection({ bundlePolicy: 'balanced', rtcpMuxPolicy: 'require' });
    const call: FarEndCall = { pc, source: null, heard: null };
    this.calls.set(callId, call);
    const outgoing = context.createMediaStreamDestination();
    pc.addEventListener('track', (event) => {
      // The far end listens (a box records); nothing analyses it, but the audio must flow.
      if (event.track.kind === 'audio' && !call.heard) call.heard = context.createMediaStreamSource(new MediaStream([event.track]));
    });
    await pc.setRemoteDescription({ type: 'offer', sdp: offer });
    const transceiver = pc.getTransceivers().find((t) => t.receiver.track.kind === 'audio');
    if (!transceiver) throw new Error('the practice call offered no audio');
    transceiver.direction = 'sendrecv';
    await transceiver.sender.replaceTrack(outgoing.stream.getAudioTracks()[0]);
    await pc.setLocalDescription(await pc.createAnswer());
    await gathered(pc);
    if (this.calls.get(callId) !== call) return;
    const sdp = pc.localDescription?.sdp;
    if (!sdp) throw new Error('the far end made no answer');
    // The far end picks up: its audio starts as the answer goes.
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(outgoing);
    source.start();
    call.source = source;
    const answered = await this.api.practiceAnswer({ callId, sdp });
    if (!answered.ok) this.close(callId);
  }

  private close(callId: string): void {
    const call = this.calls.get(callId);
    if (!call) return;
    this.calls.delete(callId);
    try {
      call.source?.stop();
    } catch {
      // never started, or already ended
    }
    call.source?.disconnect();
    call.heard?.disconnect();
    call.pc.close();
  }

  private audioContext(): AudioContext {
    this.context ??= new AudioContext();
    if (this.context.state === 'suspended') void this.context.resume().catch(() => undefined);
    return this.context;
  }
}

function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ICE_GATHERING_TIMEOUT_MS);
    function check() {
      if (pc.iceGatheringState === 'complete') done();
    }
    function done() {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    }
    pc.addEventListener('icegatheringstatechange', check);
  });
}
