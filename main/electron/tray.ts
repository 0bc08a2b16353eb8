import type { Menu as MenuType, MenuItemConstructorOptions, NativeImage, Tray as TrayType } from 'electron';
import type { DialdeskEvent } from '../../shared/contract/index.js';
import type { BlockView } from '../../shared/dial-block.js';
import type { CallView, RegistrationState } from '../../shared/sip.js';
import { dotPng, TRAY_COLOURS } from './tray-icon.js';

/**
 * The tray icon: the line's state at a glance while Dialdesk is behind other
 * windows, and a menu to pause or resume the block, open the window or quit.
 *
 *   offline ──registered──▶ registered ──call up──▶ in a call
 *                                 ▲  └──block running──▶ block running
 *   (a call outranks the block; a block outranks a plain registered line;
 *    anything not registered is offline, whatever else is true)
 */
export type TrayLineState = 'registered' | 'in-call' | 'block-running' | 'offline';

export interface LineFacts {
  registration: RegistrationState | null;
  /** Calls not yet ended. */
  liveCalls: number;
  block: BlockView | null;
}

export function trayLineState(facts: LineFacts): TrayLineState {
  if (facts.registration?.status !== 'registered') return 'offline';
  if (facts.liveCalls > 0) return 'in-call';
  if (facts.block?.status === 'running') return 'block-running';
  return 'registered';
}

const WORDS: Record<TrayLineState, string> = {
  registered: 'Registered',
  'in-call': 'In a call',
  'block-running': 'Dial block running',
  offline: 'Offline',
};

export interface TrayActions {
  open(): void;
  pauseBlock(): void;
  resumeBlock(): void;
  quit(): void;
}

export function trayTooltip(facts: LineFacts): string {
  const state = trayLineState(facts);
  const detail = state === 'offline' && facts.registration?.reason ? ` (${facts.registration.reason})` : state === 'registered' && facts.registration?.aor ? ` as ${facts.registration.aor}` : '';
  return `Dialdesk — ${WORDS[trayLineState(facts)]}${detail}`;
}

export function trayMenuTemplate(facts: LineFacts, actions: TrayActions): MenuItemConstructorOptions[] {
  const block = facts.block?.status;
  return [
    { label: WORDS[trayLineState(facts)], enabled: false },
    { type: 'separator' },
    block === 'paused'
      ? { label: 'Resume block', click: () => actions.resumeBlock() }
      : { label: 'Pause block', enabled: block === 'running', click: () => actions.pauseBlock() },
    { label: 'Open Dialdesk', click: () => actions.open() },
    { type: 'separator' },
    { label: 'Quit Dialdesk', click: () => actions.quit() },
  ];
}

/** Applies one core event to the facts; returns the same object when nothing the tray shows changed. */
export function factsAfter(facts: LineFacts, event: DialdeskEvent, calls: Map<string, CallView>): LineFacts {
  if (event.type === 'sip.registration') return { ...facts, registration: event.registration };
  if (event.type === 'dial-block.changed') return { ...facts, block: event.block };
  if (event.type === 'sip.call') {
    if (event.call.status === 'ended') calls.delete(event.call.id);
    else calls.set(event.call.id, event.call);
    return calls.size === facts.liveCalls ? facts : { ...facts, liveCalls: calls.size };
  }
  return facts;
}

export interface TrayDeps {
  Tray: new (image: NativeImage) => TrayType;
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): MenuType };
  nativeImage: { createFromBuffer(buffer: Buffer, options?: { scaleFactor?: number }): NativeImage };
}

/** Creates the tray and keeps it in step with the core's events. Returns the disposer. */
export function installTray(
  deps: TrayDeps,
  events: { subscribe(listener: (event: DialdeskEvent) => void): () => void },
  initial: LineFacts,
  actions: TrayActions,
): () => void {
  const images = new Map<TrayLineState, NativeImage>();
  const image = (state: TrayLineState) => {
    let made = images.get(state);
    if (!made) {
      made = deps.nativeImage.createFromBuffer(dotPng(TRAY_COLOURS[state]), { scaleFactor: 2 });
      images.set(state, made);
    }
    return made;
  };
  let facts = initial;
  const calls = new Map<string, CallView>();
  const tray = new deps.Tray(image(trayLineState(facts)));
  const show = () => {
    tray.setImage(image(trayLineState(facts)));
    tray.setToolTip(trayTooltip(facts));
    tray.setContextMenu(deps.Menu.buildFromTemplate(trayMenuTemplate(facts, actions)));
  };
  show();
  tray.on('click', () => actions.open());
  const unsubscribe = events.subscribe((event) => {
    const next = factsAfter(facts, event, calls);
    if (next === facts) return;
    facts = next;
    show();
  });
  return () => {
    unsubscribe();
    tray.destroy();
  };
}
