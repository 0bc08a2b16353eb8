import type { StoreStatus } from '../../../shared/contract/index.js';
import { clearDamagedMarker, moveAsideDamaged, readDamagedMarker } from './damaged-data.js';
import { LeadStore, STORE_FILES, type LeadStoreOptions } from './lead-store.js';
import { StoreOpenError } from './store-error.js';

export type OpenedStore = { store: LeadStore; status: StoreStatus } | { store: null; status: StoreStatus };

/**
 * Opens the store or explains why not. Damaged files are moved aside (never
 * overwritten) and the reason is remembered, so every start shows it until
 * the rep chooses to start fresh.
 */
export async function openLeadStore(dataDir: string, now: Date, options: LeadStoreOptions = {}): Promise<OpenedStore> {
  const marker = readDamagedMarker(dataDir);
  if (marker) return { store: null, status: { state: 'error', message: marker.message, keptFiles: marker.keptFiles } };
  try {
    return { store: await LeadStore.open(dataDir, { now: () => now, ...options }), status: { state: 'ready' } };
  } catch (error) {
    if (!(error instanceof StoreOpenError)) throw error;
    // Busy or newer: the files are fine, so nothing is moved.
    if (error.kind !== 'damaged') return { store: null, status: { state: 'error', message: error.message, keptFiles: [] } };
    const record = moveAsideDamaged(dataDir, [...STORE_FILES], error.message, now);
    options.log?.(record.message);
    return { store: null, status: { state: 'error', message: record.message, keptFiles: record.keptFiles } };
  }
}

/** The rep chose to go on with an empty list; the damaged files stay where the error said. */
export async function startFresh(dataDir: string, options: LeadStoreOptions = {}): Promise<LeadStore> {
  clearDamagedMarker(dataDir);
  return LeadStore.open(dataDir, options);
}
