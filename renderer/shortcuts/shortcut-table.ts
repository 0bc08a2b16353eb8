import { APP_COMMANDS, type AppCommandId } from '../../shared/contract/index.js';
import { MANUAL_OUTCOMES, OUTCOME_LABELS } from '../../shared/domain.js';
import { SCREENS, type ScreenId } from '../app/screens.js';

export interface Shortcut {
  keys: string;
  does: string;
}

/** Alt+1…: a screen by its place in the sidebar (works in the browser too, where Ctrl+digit switches tabs). */
export const SCREEN_KEYS: ReadonlyArray<{ screen: ScreenId; key: string }> = SCREENS.map((screen, i) => ({ screen: screen.id, key: String(i + 1) }));

/** Keys that work on every screen. */
export function globalShortcuts(inElectron: boolean): Shortcut[] {
  const shortcuts: Shortcut[] = [
    { keys: '?', does: 'Show the keyboard shortcuts of this screen' },
    { keys: 'Esc', does: 'Close this list' },
    ...SCREEN_KEYS.map(({ screen, key }) => ({ keys: `Alt+${key}`, does: `Go to ${SCREENS.find((s) => s.id === screen)!.label}` })),
    { keys: 'Tab / Shift+Tab', does: 'Move between controls' },
  ];
  if (inElectron) {
    const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
    for (const command of APP_COMMANDS) {
      shortcuts.push({ keys: command.accelerator.replace('CmdOrCtrl', isMac ? '⌘' : 'Ctrl'), does: command.label.replace('…', '') });
    }
  }
  return shortcuts;
}

/** Keys of one screen, as its components handle them. */
export const SCREEN_SHORTCUTS: Record<ScreenId, Shortcut[]> = {
  leads: [
    { keys: '↑ / ↓', does: 'Choose the previous or next lead in the list' },
    { keys: 'Page Up / Page Down', does: 'Move a page up or down the list' },
    { keys: 'Home / End', does: 'First or last lead' },
    { keys: 'Enter', does: 'Open the chosen lead and move to its outcomes' },
    ...MANUAL_OUTCOMES.map((outcome, i) => ({ keys: String(i + 1), does: `Record “${OUTCOME_LABELS[outcome]}” (in the outcome box)` })),
  ],
  import: [],
  scripts: [],
  phone: [],
  settings: [],
};

/** The screen an app command shows, or null for commands that are not navigation. */
export function screenOfCommand(command: AppCommandId): ScreenId | null {
  const [kind, target] = command.split(':');
  return kind === 'go' && SCREENS.some((screen) => screen.id === target) ? (target as ScreenId) : null;
}
