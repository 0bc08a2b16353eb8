import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

/**
 * A stand-in for the `electron` module, which cannot load here (it downloads
 * its binary on first use). It records what the shell does with each API so
 * tests can assert on it. Used through `vi.mock('electron', …)` and, for the
 * bundled main, as the `require('electron')` answer.
 */

/** An event with preventDefault, as Electron passes to will-navigate and friends. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: ((...args: any[]) => void) | null = null;
  permissionCheckHandler: ((...args: any[]) => boolean) | null = null;
  devicePermissionHandler: ((details: any) => boolean) | null = null;
  headersReceived: ((details: any, callback: (response: any) => void) => void) | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: FakeSession['headersReceived']) => {
      this.headersReceived = listener;
    },
  };
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = handler;
  }
}

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  url = '';
  destroyed = false;
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(readonly session: FakeSession) {
    super();
  }
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push([channel, ...args]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.url;
  }
  /** Emits `name` with a fresh FakeEvent and returns it, so a test can see whether it was prevented. */
  fire(name: string, ...args: unknown[]): FakeEvent {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event;
  }
}

export function createFakeElectron() {
  const defaultSession = new FakeSession();
  const windows: FakeBrowserWindow[] = [];

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents: FakeWebContents;
    loadedFile: string | null = null;
    loadedUrl: string | null = null;
    shown = false;
    focused = false;
    destroyed = false;
    constructor(readonly options: any) {
      super();
      this.webContents = new FakeWebContents(defaultSession);
      windows.push(this);
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return windows.filter((window) => !window.destroyed);
    }
    loadFile(path: string): Promise<void> {
      this.loadedFile = path;
      this.webContents.url = pathToFileURL(path).href;
      return Promise.resolve();
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      this.webContents.url = url;
      return Promise.resolve();
    }
    show(): void {
      this.shown = true;
    }
    focus(): void {
      this.focused = true;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    isDestroyed(): boolean {
      return this.destroyed;
    }
    /** What closing the window does in Electron: contents destroyed, then `closed`. */
    close(): void {
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
    }
  }

  const ipcMain = {
    handlers: new Map<string, (...args: any[]) => unknown>(),
    listeners: new Map<string, (...args: any[]) => unknown>(),
    handle(channel: string, handler: (...args: any[]) => unknown) {
      // Electron refuses a second handler for a channel; so does the fake.
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, handler);
    },
    removeHandler(channel: string) {
      this.handlers.delete(channel);
    },
    on(channel: string, listener: (...args: any[]) => unknown) {
      this.listeners.set(channel, listener);
    },
  };

  const ipcRendererEmitter = new EventEmitter();
  const ipcRenderer = Object.assign(ipcRendererEmitter, {
    invocations: [] as unknown[][],
    invoke(channel: string, ...args: unknown[]) {
      ipcRenderer.invocations.push([channel, ...args]);
      return Promise.resolve({ ok: true, value: null });
    },
  });

  const contextBridge = {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld(key: string, api: unknown) {
      contextBridge.exposed.set(key, api);
    },
  };

  const safeStorage = {
    encryptionAvailable: true,
    backend: 'gnome_libsecret' as string,
    isEncryptionAvailable: () => safeStorage.encryptionAvailable,
    getSelectedStorageBackend: () => safeStorage.backend,
    // Reversible but visibly not plain text, so a test can tell ciphertext from the secret.
    encryptString: (plain: string) => Buffer.from(`enc:${Buffer.from(plain).toString('hex')}`),
    decryptString: (encrypted: Buffer) => {
      const text = encrypted.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(4), 'hex').toString();
    },
  };

  let resolveReady: () => void = () => {};
  let appReady = false;
  const readyPromise = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const paths = new Map<string, string>([['userData', '/nonexistent/fake-user-data']]);
  const app = Object.assign(new EventEmitter(), {
    singleInstanceLock: true,
    sandboxEnabled: false,
    quitRequested: 0,
    exited: null as number | null,
    quitted: false,
    /** How many times the app asked to be told when Electron is ready. */
    readyWaiters: 0,
    userModelId: null as string | null,
    getPath: (name: string) => {
      const path = paths.get(name);
      if (!path) throw new Error(`Failed to get '${name}' path`);
      return path;
    },
    setPath: (name: string, path: string) => void paths.set(name, path),
    getVersion: () => '0.1.0',
    enableSandbox: () => {
      app.sandboxEnabled = true;
    },
    setAppUserModelId: (id: string) => {
      app.userModelId = id;
    },
    requestSingleInstanceLock: () => app.singleInstanceLock,
    /** Like Electron's `process.defaultApp`-style flag: true when run as `electron .`. */
    defaultApp: false,
    /** Test view: every setAsDefaultProtocolClient call, as [scheme, path?, args?]. */
    protocolClients: [] as unknown[][],
    setAsDefaultProtocolClient: (...args: unknown[]) => {
      app.protocolClients.push(args);
      return true;
    },
    whenReady: () => {
      app.readyWaiters++;
      return readyPromise;
    },
    /** Test control: Electron's `ready`. */
    becomeReady: () => {
      appReady = true;
      resolveReady();
    },
    isPackaged: false,
    /** Like Electron: `before-quit` may be prevented; otherwise the app quits. */
    quit: () => {
      app.quitRequested++;
      const event = new FakeEvent();
      app.emit('before-quit', event);
      if (!event.defaultPrevented) app.quitted = true;
    },
    exit: (code: number) => {
      app.exited = code;
    },
  });

  const menus = { application: null as FakeMenu | null };
  class FakeMenu {
    constructor(readonly template: any[]) {}
    static buildFromTemplate(template: any[]): FakeMenu {
      return new FakeMenu(template);
    }
    static setApplicationMenu(menu: FakeMenu | null): void {
      menus.application = menu;
    }
  }

  const notifications: FakeNotification[] = [];
  class FakeNotification extends EventEmitter {
    static supported = true;
    shown = false;
    constructor(readonly options: { title: string; body: string }) {
      super();
      notifications.push(this);
    }
    static isSupported(): boolean {
      return FakeNotification.supported;
    }
    show(): void {
      this.shown = true;
    }
  }
  const protocol = {
    privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
    handlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
      // Electron allows this only before ready.
      if (appReady) throw new Error('registerSchemesAsPrivileged should be called before app is ready');
      protocol.privileged.push(...schemes);
    },
    handle(scheme: string, handler: (request: { url: string }) => Promise<Response>) {
      if (!appReady) throw new Error('protocol.handle should be called after app is ready');
      protocol.handlers.set(scheme, handler);
    },
  };

  const globalShortcut = {
    /** Test control: accelerators another program holds. */
    takenByOthers: new Set<string>(),
    registered: new Map<string, () => void>(),
    register(accelerator: string, callback: () => void): boolean {
      if (globalShortcut.takenByOthers.has(accelerator) || globalShortcut.registered.has(accelerator)) return false;
      globalShortcut.registered.set(accelerator, callback);
      return true;
    },
    unregister(accelerator: string) {
      globalShortcut.registered.delete(accelerator);
    },
    isRegistered: (accelerator: string) => globalShortcut.registered.has(accelerator),
    /** Test control: the rep presses the key. */
    press(accelerator: string) {
      globalShortcut.registered.get(accelerator)?.();
    },
  };

  const trays: FakeTray[] = [];
  class FakeTray extends EventEmitter {
    image: unknown;
    tooltip = '';
    menu: FakeMenu | null = null;
    destroyed = false;
    constructor(image: unknown) {
      super();
      this.image = image;
      trays.push(this);
    }
    setImage(image: unknown): void {
      this.image = image;
    }
    setToolTip(tooltip: string): void {
      this.tooltip = tooltip;
    }
    setContextMenu(menu: FakeMenu): void {
      this.menu = menu;
    }
    destroy(): void {
      this.destroyed = true;
    }
  }
  const nativeImage = {
    createFromBuffer: (buffer: Buffer, options?: { scaleFactor?: number }) => ({ png: buffer, scaleFactor: options?.scaleFactor ?? 1 }),
  };

  const dialog = {
    errors: [] as string[][],
    showErrorBox: (title: string, content: string) => void dialog.errors.push([title, content]),
  };

  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    contextBridge,
    dialog,
    globalShortcut,
    ipcMain,
    nativeImage,
    Tray: FakeTray,
    /** Test view: every Tray constructed. */
    trays,
    ipcRenderer,
    Menu: FakeMenu,
    /** Test view: the menu set with Menu.setApplicationMenu. */
    menus,
    Notification: FakeNotification,
    /** Test view: every Notification constructed. */
    notifications,
    protocol,
    safeStorage,
    session: { defaultSession },
    shell: { openPath: async () => '' },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
export type FakeBrowserWindow = InstanceType<FakeElectron['BrowserWindow']>;
