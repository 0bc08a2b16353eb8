import { useEffect, useState } from 'react';
import type { BlockRecord } from '../../shared/dial-block.js';
import { useApi } from '../api/api-context.js';
import { BlockStart } from './block-start.js';
import { BlockSummary } from './block-summary.js';
import { FocusView } from './focus-view.js';
import { useDialBlock } from './use-dial-block.js';
import './dial-block.css';

/** The dial block: start one, work it lead by lead, and see what it achieved. */
export function DialBlockScreen() {
  const api = useApi();
  const { block, setBlock } = useDialBlock();
  const [lastRecord, setLastRecord] = useState<BlockRecord | null>(null);
  const ended = block?.status === 'ended';

  useEffect(() => {
    if (block === null || ended) {
      void api.listBlockRecords({ limit: 1 }).then((result) => {
        if (result.ok) setLastRecord(result.value[0] ?? null);
      });
    }
  }, [api, block, ended]);

  if (block === undefined) return <p aria-busy="true">Loading…</p>;
  if (block && !ended) return <FocusView block={block} onChange={setBlock} />;
  return (
    <div className="dial-block-screen">
      {lastRecord ? <BlockSummary record={lastRecord} /> : null}
      <h2>Start a dial block</h2>
      <BlockStart onStarted={setBlock} />
    </div>
  );
}
