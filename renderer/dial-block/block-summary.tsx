import type { BlockRecord } from '../../shared/dial-block.js';
import { formatSpan } from '../ui/format-time.js';
import { useRepZone } from '../ui/use-settings.js';

const pct = (rate: number) => `${(100 * rate).toFixed(0)}%`;

/** What the block achieved, as saved in its record. */
export function BlockSummary({ record }: { record: BlockRecord }) {
  const repZone = useRepZone();
  return (
    <section className="block-summary" aria-label="Block summary">
      <h2>Block finished</h2>
      <dl className="summary-grid">
        <dt>Dials</dt>
        <dd>{record.counts.dials}</dd>
        <dt>Conversations</dt>
        <dd>{record.counts.conversations}</dd>
        <dt>Conversation rate</dt>
        <dd>{pct(record.conversationRate)}</dd>
        <dt>Voicemails left</dt>
        <dd>{record.counts.voicemailsLeft}</dd>
        <dt>Promises made</dt>
        <dd>{record.counts.promisesMade}</dd>
        <dt>Skipped</dt>
        <dd>{record.counts.skipped}</dd>
        <dt>Returns waiting</dt>
        <dd>
          {record.returnsWaiting}
          {record.nextSlot ? ` — next slot ${formatSpan(record.nextSlot.startsAt, record.nextSlot.endsAt, repZone)}` : ''}
        </dd>
      </dl>
    </section>
  );
}
