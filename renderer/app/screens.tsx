import type { ReactNode } from 'react';
import type { AppStatus } from '../../shared/contract/index.js';
import { DialBlockScreen } from '../dial-block/dial-block-screen.js';
import { ReturnsScreen } from '../dial-block/returns-screen.js';
import { SlotsSettings } from '../dial-block/slots-settings.js';
import { TestCall } from '../calls/test-call.js';
import { ToSettleScreen } from '../calls/to-settle-screen.js';
import { DoNotCallImport } from '../do-not-call/do-not-call-import.js';
import { DoNotCallScreen } from '../do-not-call/do-not-call-screen.js';
import { ImportScreen } from '../import/import-screen.js';
import { LeadsScreen } from '../leads/leads-screen.js';
import { PhoneScreen } from '../phone-settings/phone-screen.js';
import { LeadSchedulePanels } from '../schedule/lead-schedule-panels.js';
import { ScriptsScreen } from '../scripts/scripts-screen.js';
import { SettingsScreen } from '../settings/settings-screen.js';
import { StatsScreen } from '../stats/stats-screen.js';
import { LEADS_SHORTCUTS } from '../leads/leads-shortcuts.js';
import { NotificationSettings } from '../notifications/notification-settings.js';
import { LinkHandlerSettings } from '../dial-links/link-handler-settings.js';
import { HeadsetSettings } from '../headset/headset-host.js';
import { GlobalKeysSettings } from '../desk-keys/global-keys-settings.js';
import type { Shortcut } from '../ui/shortcut.js';
import { TeamScreen } from '../team/team-screen.js';
import { FirstRun } from './first-run.js';

/** What a screen gets from the shell. */
export interface ScreenContext {
  status: AppStatus;
  navigate: (screen: ScreenId) => void;
  /** Re-reads the app status (lead count, first run) after a screen changed it. */
  refresh: () => void;
  /** A lead to open (a click-to-dial link or a notification named it); `at` tells two openings of the same lead apart. */
  openedLead?: { id: string; at: number } | null;
}

interface Screen {
  id: string;
  label: string;
  /** A number shown beside the label in the sidebar (hidden at 0), read as "<n> <label in lower case>". */
  count?: (status: AppStatus) => number;
  render: (context: ScreenContext) => ReactNode;
  /** The screen's own keys, listed by the `?` overlay. */
  shortcuts?: readonly Shortcut[];
  /** Shown only when this says so (the team screen: a manager's folder); without it, always. */
  shown?: (status: AppStatus) => boolean;
}

/**
 * Every screen of the sidebar, in order: adding a screen is one entry here. Screens are features
 * and never import each other; where one shows another's part (the lead detail shows the
 * schedule's panels, the import screen the do-not-call import), the entry wires it in.
 */
export const SCREENS = [
  {
    id: 'leads',
    label: 'Leads',
    count: (status) => status.leadCount,
    shortcuts: LEADS_SHORTCUTS,
    render: ({ status, navigate, refresh, openedLead }) =>
      status.firstRun && !openedLead ? (
        <FirstRun
          onImport={() => navigate('import')}
          onSampleLoaded={refresh}
          onPractice={() => {
            refresh();
            navigate('dial-block');
          }}
        />
      ) : (
        <LeadsScreen panels={LeadSchedulePanels} openedLead={openedLead ?? null} />
      ),
  },
  {
    id: 'import',
    label: 'Import',
    render: ({ navigate }) => (
      <ImportScreen onShowLeads={() => navigate('leads')}>
        <DoNotCallImport />
      </ImportScreen>
    ),
  },
  { id: 'dial-block', label: 'Dial block', render: () => <DialBlockScreen /> },
  { id: 'returns', label: 'Returns', render: () => <ReturnsScreen /> },
  { id: 'to-settle', label: 'To settle', count: (status) => status.openCalls ?? 0, render: () => <ToSettleScreen /> },
  { id: 'stats', label: 'Stats', render: () => <StatsScreen /> },
  { id: 'do-not-call', label: 'Do not call', render: () => <DoNotCallScreen /> },
  { id: 'scripts', label: 'Scripts', render: () => <ScriptsScreen /> },
  {
    id: 'phone',
    label: 'Phone',
    render: () => (
      <PhoneScreen>
        <TestCall />
        <HeadsetSettings />
      </PhoneScreen>
    ),
  },
  {
    id: 'settings',
    label: 'Settings',
    render: () => (
      <SettingsScreen>
        <NotificationSettings />
        <SlotsSettings />
        <LinkHandlerSettings />
        <GlobalKeysSettings />
      </SettingsScreen>
    ),
  },
  // Last, so the others keep their Alt+digit; a manager's only (the database refuses a rep the figures anyway).
  { id: 'team', label: 'Team', shown: (status) => status.team?.manager === true, render: () => <TeamScreen /> },
] as const satisfies readonly Screen[];

export type ScreenId = (typeof SCREENS)[number]['id'];

/** Whether the sidebar offers the screen for this status. */
export function isShown(screen: ScreenId, status: AppStatus): boolean {
  const entry: Screen | undefined = SCREENS.find((s) => s.id === screen);
  return entry?.shown ? entry.shown(status) : entry !== undefined;
}
