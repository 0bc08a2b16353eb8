import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { focusSettingWhenShown, GoToContext, type GoTo } from '../ui/go-to.js';
import { CallLayer } from '../calls/call-layer.js';
import { useBrowserNotifications } from '../notifications/use-browser-notifications.js';
import { ReminderBanner } from '../reminders/reminder-banner.js';
import { ScheduledBlockBanner } from '../dial-block/scheduled-block-banner.js';
import { DialLinkLayer } from '../dial-links/dial-link-layer.js';
import { DeskActionHost } from '../calls/desk-action-host.js';
import { HeadsetHost } from '../headset/headset-host.js';
import { ErrorMessage } from '../ui/error-message.js';
import { DamagedListScreen } from '../do-not-call/damaged-list-screen.js';
import { DataErrorScreen } from './data-error-screen.js';
import { RebuildBanner } from './rebuild-banner.js';
import { Navigation } from './navigation.js';
import { isShown, SCREENS, type ScreenId } from './screens.js';
import { ShortcutsOverlay } from './shortcuts-overlay.js';
import { useAppShortcuts } from './use-app-shortcuts.js';
import { useStatus } from './use-status.js';
import { TeamStatusLine } from '../team/team-status-line.js';
import { PracticeBanner } from '../practice/practice-banner.js';
import { PracticeFarEndHost } from '../practice/practice-host.js';
import { appTitle } from '../../shared/app-title.js';
import './app.css';

export function App() {
  const { state, refresh, replace } = useStatus();
  const [screen, setScreen] = useState<ScreenId>('leads');
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [openedLead, setOpenedLead] = useState<{ id: string; at: number } | null>(null);
  const openLead = useCallback((id: string) => {
    setOpenedLead({ id, at: Date.now() });
    setScreen('leads');
  }, []);
  // Links inside screens ("your name: not set") open the setting or the lead they name.
  const goTo = useMemo<GoTo>(
    () => ({
      setting: (field) => {
        setScreen('settings');
        if (field) focusSettingWhenShown(field);
      },
      lead: openLead,
    }),
    [openLead],
  );
  useAppShortcuts({ navigate: setScreen, showShortcuts: useCallback(() => setShortcutsOpen(true), []) });
  // A notification clicked opens what it is about: its lead, the dial block, the returns.
  useBrowserNotifications((notification) => {
    if (notification.leadId) openLead(notification.leadId);
    else if (notification.kind === 'dial-block') setScreen('dial-block');
    else if (notification.kind === 'returns-slot') setScreen('returns');
  });
  // Practice says so in the window's title too (the Electron shell sets its window's title the same way).
  const practice = state.kind === 'loaded' && state.status.practice;
  useEffect(() => {
    document.title = appTitle(practice);
  }, [practice]);

  if (state.kind === 'loading') {
    return (
      <main className="splash" aria-busy="true">
        <p>Opening Dialdesk…</p>
      </main>
    );
  }
  if (state.kind === 'failed') {
    return (
      <main className="splash">
        <ErrorMessage error={state.error} title="Dialdesk could not start" />
        <button type="button" className="button" onClick={() => void refresh()}>
          Try again
        </button>
      </main>
    );
  }

  const { status } = state;
  // A screen this folder does not offer (the team screen, for a rep) is never drawn, whatever key asked for it.
  const shownScreen: ScreenId = isShown(screen, status) ? screen : 'leads';
  if (status.store.state === 'error') {
    return <DataErrorScreen message={status.store.message} keptFiles={status.store.keptFiles} onStarted={replace} />;
  }
  // Fail closed: the core dials no one while the do-not-call list is damaged; the rep decides here first.
  if (status.doNotCallDamage) {
    return <DamagedListScreen damage={status.doNotCallDamage} onResolved={() => void refresh()} />;
  }

  // Entering or leaving practice swaps the data folder under every screen: each one mounts afresh on the new one.
  return (
    <GoToContext.Provider value={goTo}>
    <div className={`shell${status.practice ? ' shell-practice' : ''}`} key={status.practice ? 'practice' : 'real'}>
      <Navigation current={shownScreen} onNavigate={setScreen} status={status} />
      <main className="content">
        {status.practice ? <PracticeBanner onLeft={replace} /> : null}
        <PracticeFarEndHost />
        <CallLayer />
        <DeskActionHost />
        <HeadsetHost />
        <DialLinkLayer onOpenLead={openLead} />
        <ReminderBanner />
        <ScheduledBlockBanner onStarted={() => setScreen('dial-block')} />
        <RebuildBanner />
        {status.notices?.length ? (
          <ul className="notices" aria-label="Notices">
            {status.notices.map((notice) => (
              <li key={notice} className="notice">
                {notice}
              </li>
            ))}
          </ul>
        ) : null}
        <Fragment key={shownScreen}>{SCREENS.find((entry) => entry.id === shownScreen)?.render({ status, navigate: setScreen, refresh: () => void refresh(), openedLead })}</Fragment>
      </main>
      {status.team ? (
        <footer className="status-bar" aria-label="Status bar">
          <TeamStatusLine initial={status.team.line} />
        </footer>
      ) : null}
      {shortcutsOpen ? <ShortcutsOverlay screen={screen} onClose={() => setShortcutsOpen(false)} /> : null}
    </div>
    </GoToContext.Provider>
  );
}
