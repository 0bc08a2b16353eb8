import { useCallback, useEffect, useState } from 'react';
import type { BlockView } from '../../shared/dial-block.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';

/** The block in progress, kept current by `dial-block.changed` events; `undefined` while loading. */
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
  useDialdeskEvent((event) => {
    if (event.type === 'dial-block.changed') setBlock(event.block);
  });
  return { block, setBlock, refresh };
}
