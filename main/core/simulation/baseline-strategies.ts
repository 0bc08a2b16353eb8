/**
 * The strategies Dialdesk is measured against, under the same rules as the
 * planner (legal window and rep hours via the real calling-window code, one
 * attempt a local day, at most `maxAttemptsPerLead`, a lead reached is done)
 * and the same slots:
 * - `same-hour`: each lead is called at its own fixed local hour, fewest
 *   attempts first;
 * - `random`: every slot goes to a callable lead drawn uniformly;
 * - `oracle`: every slot goes to the callable lead with the highest true
 *   chance of answering at that moment (ranked at each block's start).
 */
import { hashSeed, seededRandom } from '../schedule/seeded-random.js';
import { localDay, localMinuteOfDay } from '../timezones/zone-clock.js';
import type { SimLead, SimWorld } from './synthetic-world.js';

export interface SimDial {
  at: number;
  leadId: string;
  conversation: boolean;
}

export type BaselineStrategy = 'same-hour' | 'random' | 'oracle';

export function simulateBaseline(world: SimWorld, strategy: BaselineStrategy): SimDial[] {
  const { leads, blocks, schedule } = world;
  const random = seededRandom(hashSeed(strategy, world.seed, 3));
  const attempts = new Map<string, number>();
  const lastDay = new Map<string, number>();
  const reached = new Set<string>();
  const dials: SimDial[] = [];
  const callable = (lead: SimLead, at: number) =>
    !reached.has(lead.id) &&
    (attempts.get(lead.id) ?? 0) < schedule.maxAttempts &&
    lastDay.get(lead.id) !== localDay(lead.zone, at) &&
    world.allowed(lead, at);
  for (const block of blocks) {
    let eligible = leads.filter((lead) => callable(lead, block.startsAt));
    const tie = new Map(eligible.map((lead) => [lead.id, random()]));
    if (strategy === 'same-hour') {
      eligible = eligible.filter((lead) => Math.floor(localMinuteOfDay(lead.zone, block.startsAt) / 60) === lead.sameHour);
      eligible.sort((a, b) => (attempts.get(a.id) ?? 0) - (attempts.get(b.id) ?? 0) || tie.get(a.id)! - tie.get(b.id)!);
    } else if (strategy === 'oracle') {
      const chance = new Map(eligible.map((lead) => [lead.id, world.chance(lead, block.startsAt)]));
      eligible.sort((a, b) => chance.get(b.id)! - chance.get(a.id)! || tie.get(a.id)! - tie.get(b.id)!);
    } else {
      eligible.sort((a, b) => tie.get(a.id)! - tie.get(b.id)!);
    }
    let next = 0;
    for (const at of block.slots) {
      let lead: SimLead | null = null;
      while (next < eligible.length && !lead) {
        const candidate = eligible[next++];
        if (callable(candidate, at)) lead = candidate;
      }
      if (!lead) break;
      const attempt = attempts.get(lead.id) ?? 0;
      const conversation = world.luck(lead, attempt) < world.chance(lead, at);
      attempts.set(lead.id, attempt + 1);
      lastDay.set(lead.id, localDay(lead.zone, at));
      if (conversation) reached.add(lead.id);
      dials.push({ at, leadId: lead.id, conversation });
    }
  }
  return dials;
}
