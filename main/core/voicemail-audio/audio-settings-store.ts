import { join } from 'node:path';
import { voicemailAudioSettingsSchema, type VoicemailAudioSettings } from '../../../shared/contract/voicemail.js';
import { openSmallJsonFile, type SmallJsonFile } from '../store/small-json-file.js';

export const DEFAULT_VOICEMAIL_AUDIO_SETTINGS: VoicemailAudioSettings = {
  voice: '',
  rateWpm: 165,
  wayByStage: { first: 'read-out', 'follow-up': 'read-out', 'opt-out': 'teleprompter' },
  afterMessage: 'hang-up',
  autoDrop: true,
  silenceAfterGreetingMs: 3000,
};

/** Voice, rate and the way to leave each stage's voicemail: `voicemail-audio.json` in the data folder. */
export class VoicemailAudioSettingsStore {
  private constructor(private readonly file: SmallJsonFile<VoicemailAudioSettings>) {}

  static async open(dataDir: string, now: Date): Promise<VoicemailAudioSettingsStore> {
    const file = await openSmallJsonFile(
      join(dataDir, 'voicemail-audio.json'),
      () => structuredClone(DEFAULT_VOICEMAIL_AUDIO_SETTINGS),
      (raw) => voicemailAudioSettingsSchema.parse({ ...DEFAULT_VOICEMAIL_AUDIO_SETTINGS, ...(raw as object) }),
      now,
    );
    return new VoicemailAudioSettingsStore(file);
  }

  get notice(): string | null {
    return this.file.notice;
  }

  get(): VoicemailAudioSettings {
    return structuredClone(this.file.db.data);
  }

  async save(settings: VoicemailAudioSettings): Promise<VoicemailAudioSettings> {
    this.file.db.data = structuredClone(settings);
    await this.file.db.write();
    return this.get();
  }
}
