import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ScriptStage, VoicemailScript } from '../../../shared/domain.js';
import { openSmallJsonFile, versionOneWithList, type SmallJsonFile } from '../store/small-json-file.js';
import { DEFAULT_VOICEMAIL_SCRIPTS } from './default-scripts.js';
import { validateTemplate } from './template.js';

interface ScriptsFile {
  schemaVersion: 1;
  /** Every version ever saved: voicemails record the version they used, so stats per version stay true. */
  versions: VoicemailScript[];
}

export class TemplateError extends Error {
  constructor(readonly errors: string[]) {
    super(`The script cannot be saved: ${errors.join('; ')}`);
    this.name = 'TemplateError';
  }
}

/** The rep's voicemail scripts in `scripts.json`, seeded with Dialdesk's defaults. */
export class ScriptLibrary {
  private constructor(private readonly file: SmallJsonFile<ScriptsFile>) {}

  static async open(dataDir: string, now: Date): Promise<ScriptLibrary> {
    const file = await openSmallJsonFile<ScriptsFile>(
      join(dataDir, 'scripts.json'),
      () => ({ schemaVersion: 1, versions: DEFAULT_VOICEMAIL_SCRIPTS.map((s) => ({ ...s })) }),
      versionOneWithList<ScriptsFile>('scripts', 'versions'),
      now,
    );
    return new ScriptLibrary(file);
  }

  get notice(): string | null {
    return this.file.notice;
  }

  /** The current version of each script. */
  current(): VoicemailScript[] {
    const latest = new Map<string, VoicemailScript>();
    for (const script of this.file.db.data.versions) {
      const seen = latest.get(script.id);
      if (!seen || script.version > seen.version) latest.set(script.id, script);
    }
    return [...latest.values()];
  }

  /** "Referral v3": a script version as the rep knows it (its id when the script is gone). */
  nameOf(id: string, version: number | null): string {
    const script = this.current().find((s) => s.id === id);
    return `${script ? script.name : id} v${version ?? '?'}`;
  }

  /** One version of a script as it was saved (a voicemail names the version it read), or undefined. */
  find(id: string, version: number | null): VoicemailScript | undefined {
    const versions = this.file.db.data.versions.filter((s) => s.id === id);
    return version === null ? versions.sort((a, b) => b.version - a.version)[0] : versions.find((s) => s.version === version);
  }

  activeFor(stage: ScriptStage): VoicemailScript[] {
    return this.current().filter((s) => s.stage === stage && s.active);
  }

  /** Saves a new version (or a new script without `id`); unknown variables and broken braces refuse. */
  async save(input: { id?: string; stage: ScriptStage; name: string; template: string; active: boolean }): Promise<VoicemailScript> {
    const valid = validateTemplate(input.template);
    if (!valid.ok) throw new TemplateError(valid.errors);
    const previous = input.id ? this.current().find((s) => s.id === input.id) : undefined;
    if (input.id && !previous) throw new Error(`no script ${input.id}`);
    const script: VoicemailScript = {
      id: previous?.id ?? randomUUID(),
      version: (previous?.version ?? 0) + 1,
      stage: input.stage,
      name: input.name,
      template: input.template,
      active: input.active,
    };
    this.file.db.data.versions.push(script);
    await this.file.db.write();
    return script;
  }
}
