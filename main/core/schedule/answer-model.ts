/**
 * What the learning planner believes about a lead's chance of answering in
 * each band: a two-level (hierarchical) Beta–Bernoulli model.
 *
 * Population level, from the rep's whole history (BandStats): a connect rate
 * per band of the lead's local day, per band and lead-local weekday, and per
 * band within a segment (the lead's reference zone). Each finer cell is shrunk
 * toward the coarser one by a fixed number of pseudo-dials, so a cell with
 * little data says what its parent says and a segment that does not differ
 * changes nothing.
 *
 * Lead level: the lead's own chance in band b is Beta(κ·μ, κ·(1−μ)), μ the
 * population mean for its segment, band and weekday, κ the prior's weight in
 * dials. Each unanswered attempt of the lead in b adds one failure, each
 * conversation one success (LeadRotationState.bandTries and bandAnswers).
 *
 * Building the model is O(bands × (7 + segments)); a chance or a draw is O(1)
 * (a draw's first use of a posterior builds its quantile table once).
 */
import type { BandStats, LeadZones } from '../../../shared/schedule.js';
import { localDay, weekdayOfDay } from '../timezones/zone-clock.js';
import { betaDraw, hashSeed, seededRandom, type Random } from './seeded-random.js';

/** Pseudo-dials pulling a band's rate toward the overall rate. */
const BAND_SHRINK = 20;
/** Pseudo-dials pulling a (band, weekday) cell toward its band times the weekday's overall factor. */
const WEEKDAY_SHRINK = 40;
/** Pseudo-dials pulling a segment's band rate toward the population's. */
const SEGMENT_SHRINK = 40;
/** The lead-level prior's weight, in dials: how many of the lead's own tries outweigh the population. */
export const LEAD_PRIOR_STRENGTH = 3;
/** Below this many dials in the whole history the population says nothing and the planner rotates. */
export const MIN_POPULATION_DIALS = 60;

const WEEKDAYS = 7;

export interface AnswerModel {
  readonly bandCount: number;
  /** Whether the history is large enough to learn from at all. */
  readonly informed: boolean;
  /** Population mean per (band × 7 + weekday), weekday 0 = Sunday in the lead's local time. */
  readonly mean: Float64Array;
  /** How many dials that mean rests on (the cell's own plus its shrinkage's pseudo-dials): its certainty. */
  readonly weight: Float64Array;
  /** Per segment: multiplier per band relative to the population. */
  readonly segmentFactor: Map<string, Float64Array>;
  readonly strength: number;
  /** Memoised quantile tables of the population means' posteriors, indexed by (segment number, band, weekday). */
  readonly quantiles: (Float64Array | undefined)[];
  /** Segment → its number in the table keys (1-based; 0 = no segment or one the history has not seen). */
  readonly segmentIndex: Map<string, number>;
}

/** Draws per posterior quantile table: a draw is a table entry picked by one uniform number. */
const QUANTILE_DRAWS = 64;

/** The number a segment has in the model's tables: 0 for none or one the history has not seen. */
export function segmentNumber(model: AnswerModel, segment: string | undefined): number {
  return segment === undefined ? 0 : (model.segmentIndex.get(segment) ?? 0);
}

const sum = (list: readonly number[] | undefined) => (list ?? []).reduce((n, x) => n + (x ?? 0), 0);

export function buildAnswerModel(stats: BandStats | undefined, bandCount: number): AnswerModel {
  const dials = stats?.dials ?? [];
  const conversations = stats?.conversations ?? [];
  const total = sum(dials);
  const overall = (sum(conversations) + 1) / (total + 2);
  const band = new Float64Array(bandCount);
  for (let b = 0; b < bandCount; b++) band[b] = ((conversations[b] ?? 0) + BAND_SHRINK * overall) / ((dials[b] ?? 0) + BAND_SHRINK);

  // Weekday factor over all bands, then each (band, weekday) cell shrunk toward band × factor.
  const wd = stats?.weekdayDials ?? [];
  const wc = stats?.weekdayConversations ?? [];
  const weekdayFactor = new Float64Array(WEEKDAYS).fill(1);
  const wTotal = sum(wd);
  if (wTotal > 0) {
    const wOverall = (sum(wc) + 1) / (wTotal + 2);
    for (let w = 0; w < WEEKDAYS; w++) {
      let d = 0;
      let c = 0;
      for (let b = 0; b < bandCount; b++) {
        d += wd[b * WEEKDAYS + w] ?? 0;
        c += wc[b * WEEKDAYS + w] ?? 0;
      }
      weekdayFactor[w] = (c + WEEKDAY_SHRINK * wOverall) / (d + WEEKDAY_SHRINK) / wOverall;
    }
  }
  const mean = new Float64Array(bandCount * WEEKDAYS);
  const weight = new Float64Array(bandCount * WEEKDAYS);
  for (let b = 0; b < bandCount; b++) {
    for (let w = 0; w < WEEKDAYS; w++) {
      const i = b * WEEKDAYS + w;
      const parent = Math.min(0.99, band[b] * weekdayFactor[w]);
      mean[i] = ((wc[i] ?? 0) + WEEKDAY_SHRINK * parent) / ((wd[i] ?? 0) + WEEKDAY_SHRINK);
      weight[i] = (wd[i] ?? 0) + WEEKDAY_SHRINK;
    }
  }

  const segmentFactor = new Map<string, Float64Array>();
  for (const [segment, counts] of Object.entries(stats?.segments ?? {})) {
    const factor = new Float64Array(bandCount);
    for (let b = 0; b < bandCount; b++) {
      const rate = ((counts.conversations[b] ?? 0) + SEGMENT_SHRINK * band[b]) / ((counts.dials[b] ?? 0) + SEGMENT_SHRINK);
      factor[b] = rate / band[b];
    }
    segmentFactor.set(segment, factor);
  }
  return { bandCount, informed: total >= MIN_POPULATION_DIALS, mean, weight, segmentFactor, strength: LEAD_PRIOR_STRENGTH, quantiles: [],
    segmentIndex: new Map([...segmentFactor.keys()].map((segment, i) => [segment, i + 1])),
  };
}

/** The population's mean for a lead of `segment` in `band` on local `weekday` (0 = Sunday). */
export function populationMean(model: AnswerModel, segment: string | undefined, band: number, weekday: number): number {
  const factor = segment === undefined ? undefined : model.segmentFactor.get(segment);
  const mu = model.mean[band * WEEKDAYS + weekday] * (factor ? factor[band] : 1);
  return Math.min(0.99, Math.max(1e-4, mu));
}

/** The lead's posterior mean chance of answering in `band`, after `failures` unanswered tries and `answers` conversations there. */
export function leadChance(model: AnswerModel, segment: string | undefined, band: number, weekday: number, failures: number, answers = 0): number {
  const mu = populationMean(model, segment, band, weekday);
  return (model.strength * mu + answers) / (model.strength + failures + answers);
}

/**
 * One Thompson draw of the lead's chance of answering its next dial in `band`.
 *
 * What is uncertain, and worth exploring, is the population's rate: a cell
 * the rep has dialled little may be better than it looks. So the draw is of
 * the population mean μ, from a Beta with as many dials as the cell's
 * estimate rests on, and the lead's chance given that μ is its posterior
 * mean (κ·μ + answers) / (κ + tries). The lead's own spread around μ is not
 * drawn: its next dial answers with that mean chance whatever the spread,
 * a conversation ends its rotation, and a failure already lowers the mean
 * of the band it was tried in, which is what moves it on to other bands.
 * (Drawing the lead's own chance as well made a fresh lead's choice nearly
 * uniform: with κ = 3 the draws of a 25% band and a 12% band overlap most
 * of the time, and first attempts no longer went where people answer.)
 *
 * Planning 100,000 leads needs 600,000 draws from a few hundred distinct
 * cells (segment × band × weekday): each cell gets a table of 64 sorted
 * draws, made once per model from a seed of its own, and a lead's draw reads
 * that quantile function (interpolated between neighbours) at its uniform
 * number: one lookup instead of two gamma draws.
 */
export function sampleLeadChance(
  model: AnswerModel,
  segment: string | undefined,
  segmentNo: number,
  band: number,
  weekday: number,
  failures: number,
  random: Random,
  answers = 0,
): number {
  const table = meanTable(model, segment, segmentNo, band, weekday);
  const at = random() * (QUANTILE_DRAWS - 1);
  const i = Math.floor(at);
  return leadGiven(model, table[i] + (at - i) * (table[i + 1] - table[i]), failures, answers);
}

/** The highest draw sampleLeadChance can return for this cell and lead: lets a search skip draws that cannot win. */
export function leadChanceBound(model: AnswerModel, segment: string | undefined, segmentNo: number, band: number, weekday: number, failures: number, answers = 0): number {
  return leadGiven(model, meanTable(model, segment, segmentNo, band, weekday)[QUANTILE_DRAWS - 1], failures, answers);
}

function leadGiven(model: AnswerModel, mu: number, failures: number, answers: number): number {
  return (model.strength * mu + answers) / (model.strength + failures + answers);
}

/** The cell's sorted draws of the population mean, made on first use. */
function meanTable(model: AnswerModel, segment: string | undefined, segmentNo: number, band: number, weekday: number): Float64Array {
  const key = (segmentNo * model.bandCount + band) * WEEKDAYS + weekday;
  let table = model.quantiles[key];
  if (!table) {
    const mu = populationMean(model, segment, band, weekday);
    const n = model.weight[band * WEEKDAYS + weekday];
    const tableRandom = seededRandom(hashSeed('quantiles', key));
    table = new Float64Array(QUANTILE_DRAWS);
    for (let i = 0; i < QUANTILE_DRAWS; i++) table[i] = betaDraw(n * mu, n * (1 - mu), tableRandom);
    table.sort();
    model.quantiles[key] = table;
  }
  return table;
}

/**
 * The lead's estimated chance per band on its local day of `now` (what the
 * strip shades), or null when the history is too small to learn from or the
 * lead has no zone.
 */
export function bandChancesToday(
  model: AnswerModel,
  zones: LeadZones,
  bandTries: readonly number[],
  bandAnswers: readonly number[],
  now: number,
): number[] | null {
  const zone = zones.zones[0];
  if (!model.informed || !zone) return null;
  const weekday = weekdayOfDay(localDay(zone, now));
  return Array.from({ length: model.bandCount }, (_, b) => {
    const answers = bandAnswers[b] ?? 0;
    return leadChance(model, zone, b, weekday, Math.max(0, (bandTries[b] ?? 0) - answers), answers);
  });
}
