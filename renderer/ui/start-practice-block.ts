import type { DialdeskApi } from '../../shared/contract/index.js';
import type { BlockView } from '../../shared/dial-block.js';
import type { Result } from '../../shared/result.js';

/** A practice block's length: long enough to meet a box, a person and a refusal, short enough for a first minute. */
export const PRACTICE_BLOCK_LEADS = 5;

/**
 * "Try a practice block", wherever it is offered (the first-run doors, the block-start form): switch
 * to the practice folder and line, then start a power-dialled block of five sample leads. The first
 * far end of a practice run is always a voicemail box, so the drop is seen at once.
 */
export async function startPracticeBlock(api: DialdeskApi): Promise<Result<BlockView>> {
  const entered = await api.enterPractice({});
  if (!entered.ok) return entered;
  return api.startBlock({ length: { kind: 'leads', leads: PRACTICE_BLOCK_LEADS }, filter: {}, powerDial: true, pauseSeconds: 2 });
}
