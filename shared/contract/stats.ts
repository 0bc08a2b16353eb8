import { z } from 'zod';
import type { StatsReport } from '../stats.js';
import { call } from './define.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** The rep's figures: main/core/stats/ handles these. */
export const statsCalls = {
  getStats: call<StatsReport>()(z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict()),
};
