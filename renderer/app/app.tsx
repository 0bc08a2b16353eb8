import { useState } from 'react';
import { CallLayer } from '../calls/call-layer.js';
import { ImportScreen } from '../import/import-screen.js';
import { LeadsScreen } from '../leads/leads-screen.js';
import { PhoneScreen } from '../phone-settings/phone-screen.js';
import { ReminderBanner } from '../reminders/reminder-banner.js';
import { ScriptsScreen } from '../scripts/scripts-screen.js';
import { SettingsScreen } from '../settings/settings-screen.js';
import { DataErrorScreen } from './data-error-screen.js';
import { ErrorMessage } from './error-message.js';
import { FirstRun } from './first-run.js';
import { Navigation } from './navigation.js';
import type { ScreenId } from './screens.js';
import { useStatus } from './use-status.js';

export function App() {
  const { state, refresh, replace } = useStatus();
  const [screen, setScreen] = useState<ScreenId>('leads');

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
  if (status.store.state === 'error') {
    return <DataErrorScreen message={status.store.message} keptFiles={status.store.keptFiles} onStarted={replace} />;
  }

  return (
    <div className="shell">
      <Navigation current={screen} onNavigate={setScreen} leadCount={status.leadCount} />
      <main className="content">
        <CallLayer />
        <ReminderBanner />
        {status.notices?.length ? (
          <ul className="notices" aria-label="Notices">
            {status.notices.map((notice) => (
              <li key={notice} className="notice">
                {notice}
              </li>
            ))}
          </ul>
        ) : null}
        {screen === 'leads' ? (
          status.firstRun ? (
            <FirstRun onImport={() => setScreen('import')} onSampleLoaded={() => void refresh()} />
          ) : (
            <LeadsScreen />
          )
        ) : null}
        {screen === 'import' ? <ImportScreen onShowLeads={() => setScreen('leads')} /> : null}
        {screen === 'scripts' ? <ScriptsScreen /> : null}
        {screen === 'phone' ? <PhoneScreen /> : null}
        {screen === 'settings' ? <SettingsScreen /> : null}
      </main>
    </div>
  );
}
