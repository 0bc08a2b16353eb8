import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/api-context.js';
import { resolveApi } from './api/resolve-api.js';
import { App } from './app/app.js';
import { ErrorBoundary } from './app/error-boundary.js';
import './styles/base.css';
import './styles/app.css';

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
