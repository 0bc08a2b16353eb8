/**
 * The app's own commands: in the Electron menu with their accelerators, and
 * sent to the page as `app.command` events (the page runs them). The web
 * shell has no menu; the page's own keys (the `?` overlay lists them) do the
 * same there.
 */
export const APP_COMMANDS = [
  { id: 'go:leads', label: 'Leads', accelerator: 'CmdOrCtrl+1', menu: 'go' },
  { id: 'go:import', label: 'Import leads…', accelerator: 'CmdOrCtrl+I', menu: 'file' },
  { id: 'go:scripts', label: 'Scripts', accelerator: 'CmdOrCtrl+2', menu: 'go' },
  { id: 'go:phone', label: 'Phone', accelerator: 'CmdOrCtrl+3', menu: 'go' },
  { id: 'go:settings', label: 'Settings…', accelerator: 'CmdOrCtrl+,', menu: 'go' },
  { id: 'show:shortcuts', label: 'Keyboard shortcuts', accelerator: 'CmdOrCtrl+/', menu: 'help' },
] as const;

export type AppCommandId = (typeof APP_COMMANDS)[number]['id'];
