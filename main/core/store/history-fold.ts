import type { Attempt, InboundCall } from '../../../shared/domain.js';

/** What a history fold keeps in the checkpoint: its own data, and how far the inbound logs are folded. */
export interface FoldSnapshot {
  inboundOffsets: Record<string, number>;
}

/**
 * A fold over the whole history kept beside the rotation states: fed every recorded attempt
 * (with its lead's zone and the promises it kept or broke) and every inbound call, saved with
 * the checkpoint, rebuilt with the rest when the checkpoint is unusable. The store knows only
 * this shape; what is folded (the rep's stats) lives above the store (main/core/stats).
 */
export interface HistoryFold {
  inboundOffsets: Record<string, number>;
  foldAttempt(attempt: Attempt, leadZone: string | null, promises: { kept: number; broken: number }): void;
  foldInbound(call: InboundCall): void;
  snapshot(): FoldSnapshot;
  /** The lead's last voicemail, while it waits for its answer (a fold that tracks returns says; others do not). */
  waitingFor?(leadId: string): { at: number } | undefined;
}

export interface HistoryFoldFactory {
  /** Names what is folded (and its version): a checkpoint made by another fold is rebuilt. */
  id: string;
  create(): HistoryFold;
  restore(snapshot: FoldSnapshot): HistoryFold;
}

/** The fold of a store opened without one (a tool that needs no stats): it only tracks offsets. */
export const NO_HISTORY_FOLD: HistoryFoldFactory = {
  id: 'none',
  create: () => offsetsOnly({}),
  restore: (snapshot) => offsetsOnly({ ...snapshot.inboundOffsets }),
};

function offsetsOnly(inboundOffsets: Record<string, number>): HistoryFold {
  return {
    inboundOffsets,
    foldAttempt: () => undefined,
    foldInbound: () => undefined,
    snapshot() {
      return { inboundOffsets: { ...this.inboundOffsets } };
    },
  };
}
