import { useEffect } from 'react';
import type { ScreenId } from './screens.js';
import { useDialdeskEvent } from '../api/api-context.js';
import { SCREEN_KEYS, screenOfCommand } from './shortcuts.js';
import { typingInField } from '../ui/shortcut.js';


/**
 * The app's own keys on every screen (`?` for the overlay, Alt+digit for a
 * screen) and the Electron menu's commands (`app.command` events).
 */
export function useAppShortcuts(actions: { navigate: (screen: ScreenId) => void; showShortcuts: () => void }): void {
  const { navigate, showShortcuts } = actions;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingInField(event.target)) {
        event.preventDefault();
        showShortcuts();
        return;
      }
      if (event.altKey && !event.ctrlKey && !event.metaKey) {
        // event.code, not key: Alt+digit types a symbol on some layouts (macOS).
        const entry = SCREEN_KEYS.find(({ key }) => event.code === `Digit${key}`);
        if (entry) {
          event.preventDefault();
          navigate(entry.screen);
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate, showShortcuts]);

  useDialdeskEvent((event) => {
    if (event.type !== 'app.command') return;
    if (event.command === 'show:shortcuts') showShortcuts();
    const screen = screenOfCommand(event.command);
    if (screen) navigate(screen);
  });
}
