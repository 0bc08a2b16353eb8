import { resolve } from 'node:path';
import type { App } from 'electron';
import { dialLinkInArgv } from '../core/leads/dial-link.js';

/** The schemes the app asks the desktop to hand it (electron-builder.yml declares them for macOS). */
export const DIAL_LINK_PROTOCOLS = ['tel', 'callto', 'sip', 'dialdesk'] as const;

export interface DialLinkRouting {
  /** Where links go from now on; the one that arrived before (the link that launched the app) goes first. */
  attach(deliver: (url: string) => void): void;
}

type LinkApp = Pick<App, 'setAsDefaultProtocolClient' | 'on'> & { readonly defaultApp?: boolean };

/**
 * Click-to-dial from the desktop. Dialdesk registers for tel:, callto:, sip:
 * and dialdesk://; a click then reaches the running app:
 *
 * - Windows and Linux start a second Dialdesk with the link on its command
 *   line; the single-instance lock (main.ts) quits it and the first gets
 *   `second-instance` with that command line;
 * - macOS sends `open-url` to the running app (also when the link launched it,
 *   possibly before `ready`);
 * - a link that launched the app on Windows or Linux is in its own argv.
 *
 * Links are only delivered (to the core's inbox, for the page): nothing here dials.
 */
export function routeDialLinks(app: LinkApp, argv: readonly string[], execPath: string): DialLinkRouting {
  // A development run (`electron .`) must name the app's folder, or the desktop would start bare Electron.
  const appArg = argv.find((arg, index) => index > 0 && !arg.startsWith('-'));
  for (const scheme of DIAL_LINK_PROTOCOLS) {
    if (app.defaultApp && appArg) app.setAsDefaultProtocolClient(scheme, execPath, [resolve(appArg)]);
    else app.setAsDefaultProtocolClient(scheme);
  }

  let deliver: ((url: string) => void) | null = null;
  let early: string | null = dialLinkInArgv(argv.slice(1));
  const hand = (url: string) => {
    if (deliver) deliver(url);
    else early = url;
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    hand(url);
  });
  app.on('second-instance', (_event, commandLine) => {
    // Electron always passes the command line; a missing one is no link rather than a throw that would
    // keep the app's own second-instance handler (focus the window) from running.
    const url = Array.isArray(commandLine) ? dialLinkInArgv(commandLine.slice(1)) : null;
    if (url) hand(url);
  });
  return {
    attach(next) {
      deliver = next;
      if (early !== null) {
        const url = early;
        early = null;
        next(url);
      }
    },
  };
}
