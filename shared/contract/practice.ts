import { z } from 'zod';
import type { AppStatus } from './app.js';
import { call } from './define.js';

const empty = z.object({}).strict();

/**
 * Practice: the app over a separate practice data folder and a practice line that places no
 * network call (its far ends are played by Dialdesk itself). The rep's real data is never touched.
 */
export const practiceCalls = {
  /** Switches to practice: the practice folder (sample leads) and the practice line. */
  enterPractice: call<AppStatus>()(empty),
  /** Back to the rep's real data folder and SIP line. */
  leavePractice: call<AppStatus>()(empty),
};
