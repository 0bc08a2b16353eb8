/** The rep's choice of theme, kept per computer like the audio devices: `system` follows prefers-color-scheme. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'dialdesk.theme';

export function loadTheme(): ThemeChoice {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/** Sets `data-theme` on <html> (base.css: `color-scheme` then picks each colour's light or dark value). */
export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

export function saveTheme(choice: ThemeChoice): void {
  localStorage.setItem(KEY, choice);
  applyTheme(choice);
}
