import { useEffect, useRef } from 'react';
import type { Shortcut } from '../ui/shortcut.js';
import { SCREENS, type ScreenId } from './screens.js';
import { globalShortcuts, screenShortcuts } from './shortcuts.js';

/** The `?` overlay: every key of the screen you are on, then the keys that work everywhere. A modal dialog; Esc closes it. */
export function ShortcutsOverlay({ screen, onClose }: { screen: ScreenId; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const label = SCREENS.find((s) => s.id === screen)?.label ?? screen;
  const own = screenShortcuts(screen);
  return (
    <dialog ref={dialog} className="shortcuts-overlay" aria-labelledby="shortcuts-title" onClose={onClose} onCancel={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <ShortcutList title={`On ${label}`} shortcuts={own} empty="This screen has no keys of its own: use Tab and Enter." />
      <ShortcutList title="Everywhere" shortcuts={globalShortcuts(typeof window !== 'undefined' && window.dialdesk !== undefined)} />
      <form method="dialog">
        <button className="button primary" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}

function ShortcutList({ title, shortcuts, empty }: { title: string; shortcuts: readonly Shortcut[]; empty?: string }) {
  return (
    <section>
      <h3>{title}</h3>
      {shortcuts.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <dl className="shortcut-list">
          {shortcuts.map((shortcut) => (
            <div key={shortcut.keys} className="shortcut">
              <dt>
                <kbd>{shortcut.keys}</kbd>
              </dt>
              <dd>{shortcut.does}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
