import { useCallback, useEffect, useState } from 'react';
import type { DialdeskEvent } from '../../shared/contract/index.js';
import type { BlockView } from '../../shared/dial-block.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';

/**
 * The block as it is after `event`: a `dial-block.changed` replaces it; an `inbound.suppressed`
 * (sent alone, so a flood of held calls does not resend the whole view each time) moves only the
 * quiet counter of a live block.
 */
export function blockAfterEvent(block: BlockView | null | undefined, event: DialdeskEvent): BlockView | null | undefined {
  if (event.type === 'dial-block.changed') return event.block;
  if (event.type === 'inbound.suppressed' && block && (block.status === 'running' || block.status === 'paused')) {
    return { ...block, counts: { ...block.counts, suppressedInbound: event.count } };
  }
  return block;
}

/** The block in progress, kept current by the core's events; `undefined` while loading. */
export function useDialBlock() {
  const api = useApi();
  const [block, setBlock] = useState<BlockView | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    const result = await api.getBlock({});
    if (result.ok) setBlock(result.value);
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useDialdeskEvent((event) => setBlock((current) => blockAfterEvent(current, event)));
  return { block, setBlock, refresh };
}
