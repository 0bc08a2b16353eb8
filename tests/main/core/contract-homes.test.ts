/** Each contract call is declared in the contract file of the folder that answers it. */
import { describe, expect, it } from 'vitest';
import { callingCalls } from '../../../shared/contract/calling.js';
import { dialBlockCalls } from '../../../shared/contract/dial-block.js';
import { returnsCalls } from '../../../shared/contract/returns.js';
import { statsCalls } from '../../../shared/contract/stats.js';
import { answeredCallHandlers } from '../../../main/core/calling/answered-call-handlers.js';
import { statsHandlers } from '../../../main/core/stats/stats-handlers.js';
import { createReturnsService } from '../../../main/core/returns/returns-service.js';
import { createEventHub } from '../../../main/core/api/event-hub.js';
import { createMemorySettings } from '../../support/memory-stores.js';
import { useTempDirs } from '../../support/temp-dir.js';

describe('contract homes', () => {
  const tempDir = useTempDirs();

  it('stats/ answers statsCalls, calling/ answers callingCalls, returns/ answers returnsCalls; the dial block keeps only its own', () => {
    const noStore = () => {
      throw new Error('not needed');
    };
    expect(Object.keys(statsHandlers({ store: noStore, scripts: {} as never }))).toEqual(Object.keys(statsCalls));
    expect(Object.keys(answeredCallHandlers({} as never, noStore))).toEqual(Object.keys(callingCalls));
    const returns = createReturnsService({
      dataDir: tempDir(),
      store: noStore,
      scripts: {} as never,
      settings: createMemorySettings(),
      events: createEventHub(),
      now: () => new Date('2026-12-01T15:00:00Z'),
      dial: async () => {
        throw new Error('no dial');
      },
      held: () => false,
    });
    expect(Object.keys(returns.handlers).sort()).toEqual(Object.keys(returnsCalls).sort());
    returns.close();
    for (const name of [...Object.keys(statsCalls), ...Object.keys(callingCalls), ...Object.keys(returnsCalls)]) expect(Object.keys(dialBlockCalls)).not.toContain(name);
  });
});
