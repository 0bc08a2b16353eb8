import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './shared/csp.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Build targets: the Electron window (served from app://dialdesk by main/electron/app-protocol.ts;
 * signalling runs in main, so the page connects nowhere) and the browser harness used by e2e tests (its own WebSocket on loopback).
 */
const TARGETS = {
  electron: { outDir: 'dist/renderer', connect: [] },
  harness: { outDir: 'dist/renderer-harness', connect: ["'self'", 'ws://127.0.0.1:*'] },
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
  if (mode !== 'electron' && mode !== 'harness') {
    throw new Error(`Unknown renderer build mode "${mode}": use --mode electron or --mode harness`);
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
      sourcemap: mode === 'harness',
      target: 'chrome130',
    },
  };
});

// Vite reads the config module's default export; the named export above is the one we use elsewhere.
export default config;
