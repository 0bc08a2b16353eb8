/** The window's title, the same in the page (document.title) and the Electron window: practice says so first. */
export function appTitle(practice: boolean): string {
  return practice ? 'PRACTICE — Dialdesk' : 'Dialdesk';
}
