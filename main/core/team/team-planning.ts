/**
 * The team's part in the rep's planning, for the app's schedule service and
 * `cli plan` alike: the population model seeded with what the team learned
 * (other reps' answers by zone, hour and weekday, pulled by each sync) and
 * the leads another rep holds in the pool, which this rep does not plan.
 */
import type { Lead } from '../../../shared/domain.js';
import type { Band, BandStats } from '../../../shared/schedule.js';
import type { ScheduleService, TeamPlanning } from '../schedule/schedule-service.js';
import type { LeadStore } from '../store/lead-store.js';
import { teamBandStats, withTeamStats } from './team-learned.js';
import type { TeamSync } from './team-sync.js';

export function teamPlanning(team: Pick<TeamSync, 'data'>): TeamPlanning {
  // Rebuilt only when a sync replaced the cells or the bands changed.
  let cells: unknown = null;
  let bandsKey = '';
  let learned: BandStats | null = null;
  let heldList: unknown = null;
  let held = new Set<string>();
  return {
    bandStats(own: BandStats, bands: Band[]): BandStats {
      const data = team.data;
      if (data.learned.length === 0) return own;
      const key = JSON.stringify(bands);
      if (data.learned !== cells || key !== bandsKey || !learned) {
        cells = data.learned;
        bandsKey = key;
        learned = teamBandStats(data.learned, bands);
      }
      return withTeamStats(own, learned, bands.length);
    },
    heldByOthers(lead: Lead): boolean {
      const list = team.data.heldByOthers;
      if (list !== heldList) {
        heldList = list;
        held = new Set(list);
      }
      return held.has(lead.phone);
    },
  };
}

const DAY_MS = 86_400_000;

/** The phones the rep's planner plans within the next day: what each sync claims (TeamSync.plannedPhones). */
export function plannedWithinADay(schedule: Pick<ScheduleService, 'planLeads'>, store: () => LeadStore | null, now: () => Date): () => string[] {
  return () => {
    const leads = store();
    if (!leads) return [];
    const from = now().getTime();
    const phones: string[] = [];
    for (const plan of schedule.planLeads(from)) {
      const phone = plan.at < from + DAY_MS ? leads.getLead(plan.leadId)?.phone : undefined;
      if (phone) phones.push(phone);
    }
    return phones;
  };
}
