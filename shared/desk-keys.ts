import { z } from 'zod';

/**
 * What a rep can do from the desk without bringing the window forward: from a
 * headset button or a global key. The page performs them (the voicemail
 * drop's audio lives there); the Electron shell sends global keys as
 * `desk.action` events.
 */
export const DESK_ACTIONS = ['answer', 'hang-up', 'mute', 'drop-voicemail', 'pause-block'] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

export const DESK_ACTION_LABELS: Record<DeskAction, string> = {
  answer: 'Answer',
  'hang-up': 'Hang up',
  mute: 'Mute / unmute',
  'drop-voicemail': 'Drop voicemail',
  'pause-block': 'Pause / resume block',
};

const MODIFIERS = ['Command', 'Cmd', 'Control', 'Ctrl', 'CommandOrControl', 'CmdOrCtrl', 'Alt', 'Option', 'AltGr', 'Shift', 'Super', 'Meta'] as const;
const KEY = /^(?:[A-Z0-9]|F(?:[1-9]|1\d|2[0-4])|Space|Tab|Backspace|Delete|Insert|Return|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|Esc|Plus|[-=[\];',./`\\]|num[0-9]|numadd|numsub|nummult|numdiv|numdec|MediaPlayPause|MediaNextTrack|MediaPreviousTrack|MediaStop|VolumeMute)$/;

/**
 * Why an Electron accelerator cannot be a global key, or null when it can. A
 * global key needs a modifier (a bare key would be taken from every program
 * the rep types in), except media keys.
 */
export function acceleratorProblem(accelerator: string): string | null {
  const parts = accelerator.split('+');
  // "Ctrl++" names the plus key.
  if (accelerator.endsWith('++')) parts.splice(parts.length - 2, 2, 'Plus');
  const key = parts.at(-1) ?? '';
  const modifiers = parts.slice(0, -1);
  if (!KEY.test(key)) return `"${key || accelerator}" is not a key Electron knows (A–Z, 0–9, F1–F24, Space, arrows, …)`;
  for (const modifier of modifiers) {
    if (!(MODIFIERS as readonly string[]).includes(modifier)) return `"${modifier}" is not a modifier (Ctrl, Alt, Shift, Cmd, CmdOrCtrl, Super)`;
  }
  if (new Set(modifiers).size !== modifiers.length) return 'a modifier is named twice';
  if (modifiers.length === 0 && !/^Media|^VolumeMute$/.test(key)) return 'a global key needs a modifier (Ctrl, Alt, Cmd…), or it would be taken from every program';
  return null;
}

const accelerator = z
  .string()
  .max(60)
  .superRefine((value, context) => {
    if (value === '') return;
    const problem = acceleratorProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

export const globalKeysSchema = z
  .object({
    enabled: z.boolean(),
    /** Empty: that action has no global key. */
    keys: z.object(Object.fromEntries(DESK_ACTIONS.map((action) => [action, accelerator])) as Record<DeskAction, typeof accelerator>).strict(),
  })
  .strict()
  .superRefine((value, context) => {
    const seen = new Map<string, DeskAction>();
    for (const action of DESK_ACTIONS) {
      const key = value.keys[action].toLowerCase();
      if (!key) continue;
      const other = seen.get(key);
      if (other) context.addIssue({ code: 'custom', path: ['keys', action], message: `${value.keys[action]} is already ${DESK_ACTION_LABELS[other]}` });
      else seen.set(key, action);
    }
  });
export type GlobalKeys = z.infer<typeof globalKeysSchema>;

/** Off by default: a global key takes the key from every other program. */
export const DEFAULT_GLOBAL_KEYS: GlobalKeys = {
  enabled: false,
  keys: {
    answer: 'CmdOrCtrl+Alt+A',
    'hang-up': 'CmdOrCtrl+Alt+H',
    mute: 'CmdOrCtrl+Alt+M',
    'drop-voicemail': 'CmdOrCtrl+Alt+V',
    'pause-block': 'CmdOrCtrl+Alt+P',
  },
};

/** What the shell did with the global keys: registered, or why not. */
export interface GlobalKeyStatus {
  /** False where no global keys exist (the web shell). */
  available: boolean;
  registered: DeskAction[];
  conflicts: { action: DeskAction; accelerator: string; reason: string }[];
}
