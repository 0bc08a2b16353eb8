/**
 * Child process for the crash test: opens the store, then records outcomes
 * as fast as it can, printing `ACK <id>` only after each one is acknowledged.
 * The parent kills it with SIGKILL at random moments.
 */
import { LeadStore } from '../../../../main/core/store/lead-store.js';

const [dataDir, leadId, runId] = process.argv.slice(2);
const store = await LeadStore.open(dataDir, { checkpointEvery: 7 });
process.stdout.write('READY\n');
const outcomes = ['no-answer', 'voicemail', 'busy', 'conversation'] as const;
for (let i = 0; ; i++) {
  const at = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
  const id = `${runId}-${i}`;
  await store.recordAttempt({
    id,
    leadId,
    outcome: outcomes[i % outcomes.length],
    startedAt: at,
    recordedAt: at,
    endedAt: null,
    source: 'manual',
    note: 'x'.repeat(i % 300),
    sipStatus: null,
    scriptId: null,
    scriptVersion: null,
    promisedFor: null,
  });
  process.stdout.write(`ACK ${id}\n`);
}
