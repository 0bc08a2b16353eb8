/** The screens of issue A. Dial block, returns and stats join this list when they exist. */
export const SCREENS = [
  { id: 'leads', label: 'Leads' },
  { id: 'import', label: 'Import' },
  { id: 'scripts', label: 'Scripts' },
  { id: 'phone', label: 'Phone' },
  { id: 'settings', label: 'Settings' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];
