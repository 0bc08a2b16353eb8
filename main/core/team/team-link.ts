/**
 * The app's live line to the team while it runs: LISTEN for new opt-outs
 * (dialdesk_dnc) and sync at once when one arrives, and sync on a timer
 * anyway. The state it reports is the status bar's:
 *
 *   stopped ──start──▶ syncing ──ok──▶ synced ──notify/timer──▶ syncing
 *                         │                                        │
 *                         └──error──▶ offline (since …) ◀──error──┘
 *   offline ──retry ok──▶ synced;  any state ──stale past the limit──▶ blocked (reported over the others)
 */
import pg from 'pg';
import type { TeamLine } from '../../../shared/contract/team.js';
import type { SyncResult, TeamSync } from './team-sync.js';

export type TeamLineState = TeamLine;

export interface TeamLinkOptions {
  /** Sync this often even without a notification (ms). */
  everyMs?: number;
  /** After a failure, try again this soon (ms). */
  retryMs?: number;
  onSynced?(result: SyncResult): void;
  onState?(state: TeamLineState): void;
}

export class TeamLink {
  private listener: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private current: TeamLineState = { state: 'stopped' };
  private offlineSince: string | null = null;

  constructor(
    private readonly team: TeamSync,
    private readonly options: TeamLinkOptions = {},
  ) {}

  get state(): TeamLineState {
    const blocked = this.team.staleReason();
    return blocked && this.current.state !== 'stopped' ? { state: 'blocked', reason: blocked } : this.current;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connectAndSync();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    this.set({ state: 'stopped' });
  }

  private set(state: TeamLineState) {
    this.current = state;
    this.options.onState?.(this.state);
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connectAndSync(), ms);
    this.timer.unref?.();
  }

  private async connectAndSync(): Promise<void> {
    if (this.stopped) return;
    try {
      if (!this.listener) await this.listen();
      await this.syncNow();
      this.schedule(this.options.everyMs ?? 5 * 60_000);
    } catch (error) {
      this.failed(error);
    }
  }

  private async listen(): Promise<void> {
    const client = new pg.Client(this.team.config);
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('the connection to the team database closed')));
    client.on('notification', () => {
      void this.syncNow().catch((error) => this.failed(error));
    });
    await client.connect();
    await client.query('LISTEN dialdesk_dnc');
    this.listener = client;
  }

  private lost(client: pg.Client, error: unknown) {
    if (this.listener !== client) return;
    this.listener = null;
    void client.end().catch(() => undefined);
    this.failed(error);
  }

  private async syncNow(): Promise<void> {
    if (this.current.state !== 'offline') this.set({ state: 'syncing' });
    const result = await this.team.sync();
    this.offlineSince = null;
    this.set({ state: 'synced', at: result.lastSyncAt });
    this.options.onSynced?.(result);
  }

  private failed(error: unknown) {
    if (this.stopped) return;
    this.offlineSince ??= new Date().toISOString();
    this.set({ state: 'offline', since: this.offlineSince, error: error instanceof Error ? error.message : String(error) });
    this.schedule(this.options.retryMs ?? 15_000);
  }
}
