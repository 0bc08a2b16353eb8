import { APP_COMMANDS, type AppCommandId } from '../../shared/contract/index.js';
import type { Shortcut } from '../ui/shortcut.js';
import { SCREENS, type ScreenId } from './screens.js';

/** Alt+1…: a screen by its place in the sidebar (works in the browser too, where Ctrl+digit switches tabs). */
export const SCREEN_KEYS: ReadonlyArray<{ screen: ScreenId; key: string }> = SCREENS.filter((screen) => !('shown' in screen)).map((screen, i) => ({
  screen: screen.id,
  key: String(i + 1),
}));

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

/** Keys of one screen, from its entry in SCREENS. */
export function screenShortcuts(screen: ScreenId): readonly Shortcut[] {
  const entry = SCREENS.find((s) => s.id === screen);
  return entry && 'shortcuts' in entry ? entry.shortcuts : [];
}

/** The screen an app command shows, or null for commands that are not navigation. */
export function screenOfCommand(command: AppCommandId): ScreenId | null {
  const [kind, target] = command.split(':');
  return kind === 'go' && SCREENS.some((screen) => screen.id === target) ? (target as ScreenId) : null;
}
