import { z } from 'zod';
import type { ScriptStage } from '../domain.js';
import { DELIVERY_WAYS, type AfterMessage, type DeliveryWay } from '../voicemail/delivery.js';
import { call } from './define.js';

export interface SpeechEngineView {
  /** False when this computer has no speech engine: the UI offers the recorded drop and the teleprompter. */
  available: boolean;
  label: string;
  voices: { id: string; name: string; language: string }[];
  message: string;
}

export interface VoicemailAudioSettings {
  /** Speech engine voice id; empty for the engine's default. */
  voice: string;
  rateWpm: number;
  wayByStage: Record<ScriptStage, DeliveryWay>;
  afterMessage: AfterMessage;
  /** Drop automatically at the beep (or after a greeting and this much silence). */
  autoDrop: boolean;
  silenceAfterGreetingMs: number;
}

/** Audio for the call: a WAV file, base64, with what it says and promises. */
export interface VoicemailAudio {
  way: Exclude<DeliveryWay, 'teleprompter'>;
  wavBase64: string;
  durationS: number;
  text: string;
  scriptId: string | null;
  scriptVersion: number | null;
  promisedFor: string | null;
  promisedPhrase: string;
  cached: boolean;
}

export interface RecordedDropView {
  stage: ScriptStage;
  /** Null when the stage has no recording yet. */
  wavBase64: string | null;
  durationS: number;
  recordedAt: string | null;
  /** Per-lead fields or a promise time in the stage's script: a recording cannot say them. */
  warnings: string[];
}

const stage = z.enum(['first', 'follow-up', 'opt-out']);
const leadId = z.string().min(1).max(64);
/** A WAV file as base64: a minute of 48 kHz 16-bit mono is ~7.7 MB of text. */
const wavBase64 = z.string().min(60).max(12_000_000).regex(/^[A-Za-z0-9+/]+={0,2}$/);

export const voicemailAudioSettingsSchema = z
  .object({
    voice: z.string().max(200),
    rateWpm: z.number().int().min(80).max(300),
    wayByStage: z.object({ first: z.enum(DELIVERY_WAYS), 'follow-up': z.enum(DELIVERY_WAYS), 'opt-out': z.enum(DELIVERY_WAYS) }).strict(),
    afterMessage: z.enum(['hang-up', 'stay']),
    autoDrop: z.boolean(),
    silenceAfterGreetingMs: z.number().int().min(1000).max(15_000),
  })
  .strict();

export const voicemailCalls = {
  getSpeechEngine: call<SpeechEngineView>()(z.object({}).strict()),
  getVoicemailAudioSettings: call<VoicemailAudioSettings>()(z.object({}).strict()),
  saveVoicemailAudioSettings: call<VoicemailAudioSettings>()(voicemailAudioSettingsSchema),
  /** Speaks any text with the given voice and rate (the settings' Preview). */
  previewSpeech: call<{ wavBase64: string }>()(
    z.object({ text: z.string().trim().min(1).max(2000), voice: z.string().max(200), rateWpm: z.number().int().min(80).max(300) }).strict(),
  ),
  /** The message for this lead's call: read-out (rendered, cached) or the stage's recording. Refused when it would not name the caller and the callback number. */
  prepareVoicemailAudio: call<VoicemailAudio>()(z.object({ leadId, way: z.enum(['read-out', 'recorded']) }).strict()),
  getRecordedDrop: call<RecordedDropView>()(z.object({ stage }).strict()),
  saveRecordedDrop: call<RecordedDropView>()(z.object({ stage, wavBase64 }).strict()),
  deleteRecordedDrop: call<RecordedDropView>()(z.object({ stage }).strict()),
  /** Records the voicemail as left: way of delivery, duration, script and the promise made. */
  recordVoicemailLeft: call<{ attemptId: string }>()(
    z
      .object({
        leadId,
        way: z.enum(DELIVERY_WAYS),
        durationS: z.number().min(0).max(600),
        scriptId: z.string().min(1).max(64).optional(),
        scriptVersion: z.number().int().min(1).optional(),
        promisedFor: z.iso.datetime({ offset: true }).optional(),
        /** How the drop started: by the detector at the beep, after silence, or by the rep. */
        trigger: z.enum(['beep', 'silence-after-greeting', 'rep']),
      })
      .strict(),
  ),
};
