import type { StoreStatus } from '../../shared/contract/index.js';
import { ApiFailure } from './api/api-failure.js';
import { createDialGate, type DialGate } from './calling/dial-gate.js';
import { DoNotCallStore } from './schedule/do-not-call-store.js';
import type { SettingsStore } from './settings/settings-store.js';
import { statsFoldFactory } from './stats/stats-fold.js';
import type { DataDirLock } from './store/data-dir-lock.js';
import type { LeadStore } from './store/lead-store.js';
import { openLeadStore } from './store/open-store.js';
import type { RebuildProgress } from './store/rebuild-progress.js';
import { openTeamWithKeyring } from './team/team.js';
import type { TeamSync } from './team/team-sync.js';

/**
 * A locked data folder's store, do-not-call list and dial gate, assembled one way for every
 * front door: createCore builds the app on it, and the CLI runs its commands on the same parts
 * (the same store options and folds, the same gate), never a copy of them.
 */
export interface DataFolder {
  /** How the store is opened (kept for starting afresh after damage). */
  storeOptions: Parameters<typeof openLeadStore>[2] & object;
  /** The open store, or null when it is damaged (status says why). */
  store: LeadStore | null;
  status: StoreStatus;
  /** The open store, or ApiFailure `store-unavailable` naming why there is none. */
  requireStore(): LeadStore;
  doNotCall: DoNotCallStore;
  /** The one dial gate over this folder. */
  gate: DialGate;
  /** The folder's team link when it has joined a team (its list is part of the gate), else null. */
  team: TeamSync | null;
}

export async function openDataFolder(input: {
  dataDir: string;
  settings: SettingsStore;
  lock: DataDirLock;
  now: () => Date;
  log?: (message: string) => void;
  /** The SIP account, for test calls to the rep's own lines (the app's; the CLI has none). */
  account?: Parameters<typeof createDialGate>[0]['account'];
  /** A rebuild over a second (an upgrade's first open, new bands) reports what and how far here. */
  progress?: (progress: RebuildProgress) => void;
  /** The practice folder only: its practice line's exemption from the calling window (never from do-not-call). */
  windowExemption?: Parameters<typeof createDialGate>[0]['windowExemption'];
}): Promise<DataFolder> {
  const { dataDir, settings, lock, now } = input;
  const storeOptions = {
    log: input.log,
    schedule: () => settings.get().schedule,
    defaultCountry: () => settings.get().defaultCountry,
    lock,
    repTimeZone: () => settings.get().repTimeZone,
    historyFold: statsFoldFactory(() => settings.get().repTimeZone),
    now,
    progress: input.progress,
  };
  const opened = await openLeadStore(dataDir, now(), storeOptions);
  const doNotCall = await DoNotCallStore.open(dataDir, now(), now);
  // In a team, the team's list is part of the gate: stale past the team's limit, every dial is refused.
  const team = await openTeamWithKeyring({ dataDir, doNotCall, store: () => folder.store, now });
  const folder: DataFolder = {
    storeOptions,
    store: opened.store,
    status: opened.status,
    requireStore: () => {
      if (folder.store) return folder.store;
      const message = folder.status.state === 'error' ? folder.status.message : 'The data store is not open.';
      throw new ApiFailure('store-unavailable', message);
    },
    doNotCall,
    gate: null as unknown as DialGate,
    team,
  };
  folder.gate = createDialGate({ store: folder.requireStore, settings, doNotCall, now, account: input.account, windowExemption: input.windowExemption });
  return folder;
}
