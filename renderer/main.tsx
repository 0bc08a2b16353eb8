/**
 * The renderer's import rule (one line per folder; the layer check enforces it):
 * - renderer/api/    the contract client (preload or harness socket): imports shared/ only.
 * - renderer/media/  the call audio engine (WebRTC in this window): imports shared/, api/.
 * - renderer/ui/     pieces every screen uses (error message, field, save actions, file pick,
 *                    dial button and line state, API action and loaded-form hooks): imports shared/, api/.
 * - renderer/<feature>/ (leads, import, do-not-call, scripts, schedule, settings, phone-settings,
 *                    calls, reminders): imports shared/, api/, media/, ui/ and its own folder only,
 *                    never another feature and never app/. A piece two features need moves to ui/.
 * - renderer/app/    the shell (status, navigation, the screen registry in screens.tsx): may import
 *                    every folder above; it wires one feature's part into another's screen.
 * - renderer/main.tsx mounts app/. Nothing in renderer/ imports main/ or Node.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/api-context.js';
import { resolveApi } from './api/resolve-api.js';
import { App } from './app/app.js';
import { ErrorBoundary } from './app/error-boundary.js';
import { applyTheme, loadTheme } from './ui/theme.js';
// Styles: each feature imports its own sheet; the base sheet (tokens, buttons, cards, alerts) and
// ui/ui.css are imported here, after App, so they come after the feature sheets in the bundle as
// app.css and base.css always did. Moving them first would let features' same-specificity
// overrides of base classes apply (.button-hangup, .script-card, .status-badge…): a visual change.
import './styles/base.css';
import './ui/ui.css';

applyTheme(loadTheme());

const root = document.getElementById('root');
if (!root) throw new Error('Dialdesk: #root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <ApiProvider api={resolveApi()}>
        <App />
      </ApiProvider>
    </ErrorBoundary>
  </StrictMode>,
);
