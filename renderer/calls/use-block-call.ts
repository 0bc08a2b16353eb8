import { useEffect, useState } from 'react';
import { useApi, useDialdeskEvent } from '../api/api-context.js';

/**
 * Whether a call is the running dial block's own: its focus view already shows the opener and the
 * settle keys, so the call bar shows neither twice.
 */
export function useBlockCall(callId: string): boolean {
  const api = useApi();
  const [blockCallId, setBlockCallId] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.getBlock({}).then((result) => live && result.ok && setBlockCallId(result.value?.callId ?? null));
    return () => void (live = false);
  }, [api, callId]);
  useDialdeskEvent((event) => {
    if (event.type === 'dial-block.changed' && event.block?.callId) setBlockCallId(event.block.callId);
  });
  return blockCallId === callId;
}
