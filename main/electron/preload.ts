import { contextBridge, ipcRenderer } from 'electron';
import { createDialdeskApi } from './preload-api.js';

// Sandboxed preload: bundled by scripts/build-electron.mjs because it may only `require('electron')`.
contextBridge.exposeInMainWorld('dialdesk', createDialdeskApi(ipcRenderer));
