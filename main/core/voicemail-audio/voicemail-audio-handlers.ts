import { readFile, rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedDropView, voicemailCalls } from '../../../shared/contract/index.js';
import type { Attempt, Lead, ScriptStage } from '../../../shared/domain.js';
import { DELIVERY_LABELS } from '../../../shared/voicemail/delivery.js';
import { ApiFailure } from '../api/api-failure.js';
import type { HandlersFor, Handler } from '../api/dispatch.js';
import type { ScheduleService } from '../schedule/schedule-service.js';
import type { ScriptLibrary } from '../scripts/script-library.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { LeadStore } from '../store/lead-store.js';
import type { VoicemailAudioSettingsStore } from './audio-settings-store.js';
import { identificationProblems, perLeadFields } from './compliance.js';
import { ReadOutCache } from './read-out-cache.js';
import { readWav } from './read-wav.js';
import { RecordedDropError, RecordedDrops } from './recorded-drops.js';
import { findSpeechEngine, SpeechEngineError, type SpeechEngine } from './speech-engines.js';

export interface VoicemailAudioDeps {
  dataDir: string;
  store(): LeadStore;
  schedule: ScheduleService;
  scripts: ScriptLibrary;
  settings: SettingsStore;
  audioSettings: VoicemailAudioSettingsStore;
  recordOutcome: Handler<'recordOutcome'>;
  /** Which engine this computer has; tests pass their own. */
  findEngine?: () => Promise<SpeechEngine | null>;
}

const TRIGGER_TEXT = { beep: 'at the beep', 'silence-after-greeting': 'after the greeting fell silent', rep: 'started by the rep' } as const;

export function voicemailAudioHandlers(deps: VoicemailAudioDeps): HandlersFor<typeof voicemailCalls> {
  let engine: Promise<SpeechEngine | null> | null = null;
  const findEngine = () => (engine ??= (deps.findEngine ?? findSpeechEngine)());
  const requireEngine = async () => {
    const found = await findEngine();
    if (!found) throw new ApiFailure('unavailable', NO_ENGINE);
    return found;
  };
  const drops = new RecordedDrops(deps.dataDir);
  const leadOf = (id: string): Lead => {
    const lead = deps.store().getLead(id);
    if (!lead) throw new ApiFailure('not-found', `No lead with id ${id}.`);
    return lead;
  };
  const dropView = async (stage: ScriptStage): Promise<RecordedDropView> => {
    const drop = await drops.get(stage);
    const fields = [...new Set(deps.scripts.activeFor(stage).flatMap((s) => perLeadFields(s.template)))];
    const warnings =
      fields.length > 0
        ? [`The ${stage} script speaks ${fields.map((f) => `{${f}}`).join(', ')}: a recording says the same words to every lead, so it cannot say these.`]
        : [];
    return {
      stage,
      wavBase64: drop ? Buffer.from(drop.bytes).toString('base64') : null,
      durationS: drop?.durationS ?? 0,
      recordedAt: drop?.recordedAt ?? null,
      warnings,
    };
  };
  const speak = async (speechEngine: SpeechEngine, text: string, voice: string, rateWpm: number) => {
    const dir = await mkdtemp(join(tmpdir(), 'dialdesk-preview-'));
    try {
      await speechEngine.render(text, { voice, rateWpm }, join(dir, 'preview.wav'));
      return await readFile(join(dir, 'preview.wav'));
    } catch (error) {
      if (error instanceof SpeechEngineError) throw new ApiFailure('unavailable', error.message);
      throw error;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  return {
    getSpeechEngine: async () => {
      const found = await findEngine();
      if (!found) return { available: false, label: '', voices: [], message: NO_ENGINE };
      try {
        return { available: true, label: found.label, voices: await found.voices(), message: '' };
      } catch (error) {
        return { available: false, label: found.label, voices: [], message: `${found.label} did not answer: ${(error as Error).message}` };
      }
    },
    getVoicemailAudioSettings: () => deps.audioSettings.get(),
    saveVoicemailAudioSettings: (input) => deps.audioSettings.save(input),
    previewSpeech: async ({ text, voice, rateWpm }) => ({
      wavBase64: (await speak(await requireEngine(), text, voice, rateWpm)).toString('base64'),
    }),

    prepareVoicemailAudio: async ({ leadId, way }) => {
      const lead = leadOf(leadId);
      const prepared = deps.schedule.prepareVoicemail(lead);
      if (!prepared.scriptId || prepared.scriptVersion === null) throw new ApiFailure('refused', prepared.warnings.join(' ') || 'No script for this stage.');
      const problems = identificationProblems(prepared.text, deps.settings.get());
      if (problems.length > 0) throw new ApiFailure('refused', `This message cannot be played: ${problems.join(' ')}`);
      if (way === 'recorded') {
        const drop = await drops.get(prepared.stage);
        if (!drop) throw new ApiFailure('not-found', `There is no recording for the ${prepared.stage} stage yet.`);
        // A recording says no per-lead time, so it promises none.
        return {
          way,
          wavBase64: Buffer.from(drop.bytes).toString('base64'),
          durationS: drop.durationS,
          text: prepared.text,
          scriptId: prepared.scriptId,
          scriptVersion: prepared.scriptVersion,
          promisedFor: null,
          promisedPhrase: '',
          cached: true,
        };
      }
      const { voice, rateWpm } = deps.audioSettings.get();
      const cache = new ReadOutCache(deps.dataDir, await requireEngine());
      let rendered;
      try {
        rendered = await cache.render(
          { leadId, scriptId: prepared.scriptId, scriptVersion: prepared.scriptVersion, leadUpdatedAt: lead.updatedAt, text: prepared.text },
          { voice, rateWpm },
        );
      } catch (error) {
        if (error instanceof SpeechEngineError) throw new ApiFailure('unavailable', error.message);
        throw error;
      }
      const bytes = await readFile(rendered.file);
      const audio = readWav(bytes);
      return {
        way,
        wavBase64: bytes.toString('base64'),
        durationS: audio.samples.length / audio.sampleRate,
        text: prepared.text,
        scriptId: prepared.scriptId,
        scriptVersion: prepared.scriptVersion,
        promisedFor: prepared.promisedFor,
        promisedPhrase: prepared.promisedPhrase,
        cached: rendered.cached,
      };
    },

    getRecordedDrop: ({ stage }) => dropView(stage),
    saveRecordedDrop: async ({ stage, wavBase64 }) => {
      try {
        await drops.save(stage, Buffer.from(wavBase64, 'base64'));
      } catch (error) {
        if (error instanceof RecordedDropError) throw new ApiFailure('invalid-input', error.message);
        throw error;
      }
      return dropView(stage);
    },
    deleteRecordedDrop: async ({ stage }) => {
      await drops.delete(stage);
      return dropView(stage);
    },

    recordVoicemailLeft: async ({ leadId, way, durationS, scriptId, scriptVersion, promisedFor, trigger }) => {
      const attempt: Attempt = await deps.recordOutcome({
        leadId,
        outcome: 'voicemail',
        note: `Voicemail left: ${DELIVERY_LABELS[way].toLowerCase()}, ${durationS.toFixed(1)} s, ${TRIGGER_TEXT[trigger]}.`,
        // What this message said, exactly: a recorded drop read no script and spoke no time.
        promisedFor: promisedFor ?? null,
        scriptId: scriptId ?? null,
        ...(scriptVersion ? { scriptVersion } : {}),
      });
      return { attemptId: attempt.id };
    },
  };
}

const NO_ENGINE =
  'No speech engine on this computer (macOS voices, Windows voices, or espeak-ng on Linux): record the message yourself, or read it live from the teleprompter.';
