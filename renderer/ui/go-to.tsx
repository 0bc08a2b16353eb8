import { createContext, useContext } from 'react';

/**
 * Where a link inside a screen may take the rep without the screens importing each other: the
 * shell (app/app.tsx) provides it. `setting` opens Settings and focuses the field marked
 * `data-setting="<field>"` once the screen has loaded it.
 */
export interface GoTo {
  setting: (field?: string) => void;
  lead: (id: string) => void;
}

export const GoToContext = createContext<GoTo | null>(null);

export function useGoTo(): GoTo | null {
  return useContext(GoToContext);
}

/** Focuses `[data-setting=field]` as soon as it is on the page (the screen loads its form first), for up to 3 s. */
export function focusSettingWhenShown(field: string, deadline = Date.now() + 3000): void {
  const input = document.querySelector<HTMLElement>(`[data-setting="${CSS.escape(field)}"]`);
  if (input) {
    input.focus();
    input.scrollIntoView?.({ block: 'center' });
  } else if (Date.now() < deadline) requestAnimationFrame(() => focusSettingWhenShown(field, deadline));
}
