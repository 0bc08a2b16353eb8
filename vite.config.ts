import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './shared/csp.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Build targets: the Electron window (served from app://dialdesk by
 * main/electron/app-protocol.ts; signalling runs in main, so the page
 * connects nowhere) and the web shell's page (main/web, also what the e2e
 * tests drive): its own WebSocket on loopback, the port pinned by the server
 * in the page it serves (main/web/web-server.ts).
 */
const TARGETS = {
  electron: { outDir: 'dist/renderer', connect: [], pages: ['index.html'] },
  // dial-link.html: the click-to-dial handler page the web shell serves without a session (main/web/web-server.ts).
  web: { outDir: 'dist/renderer-web', connect: ["'self'", 'ws://127.0.0.1:*'], pages: ['index.html', 'dial-link.html'] },
} as const;

type Target = keyof typeof TARGETS;

/** Puts the CSP `<meta>` first in `<head>` so it governs everything after it. */
function cspMeta(target: Target): Plugin {
  return {
    name: 'dialdesk-csp-meta',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ connect: TARGETS[target].connect, delivery: 'meta' }) },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export const config = defineConfig(({ mode }) => {
  if (mode !== 'electron' && mode !== 'web') {
    throw new Error(`Unknown renderer build mode "${mode}": use --mode electron or --mode web`);
  }
  return {
    root: here('./renderer'),
    base: './',
    publicDir: false,
    plugins: [react(), cspMeta(mode)],
    build: {
      outDir: here(`./${TARGETS[mode].outDir}`),
      emptyOutDir: true,
      // Everything as files: the CSP forbids inline scripts and styles.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      sourcemap: mode === 'web',
      target: 'chrome130',
      rollupOptions: { input: TARGETS[mode].pages.map((page) => here(`./renderer/${page}`)) },
    },
  };
});

// Vite reads the config module's default export; the named export above is the one we use elsewhere.
export default config;
