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
 * Within a band, people may answer far better in one of its hours (a peak
 * at 19:00 inside an 18–20 band): each whole local hour of a band has a
 * factor on the band's mean, its conversations over those its dials would
 * have had at their band and weekday's rate, shrunk toward 1.
 *
 * Lead level: the lead's own chance in band b is Beta(κ·μ, κ·(1−μ)), μ the
 * population mean for its segment, band and weekday, κ the prior's weight in
 * dials. Each unanswered attempt of the lead in b adds one failure, each
 * conversation one success (LeadRotationState.bandTries and bandAnswers).
 *
 * Building the model is O(bands × (7 + segments + 7 × hours)); a chance or a draw is O(1)
 * (a draw's first use of a posterior builds its quantile table once).
 */
import type { Band, BandStats, LeadZones } from '../../../shared/schedule.js';
import { bandMinutes } from '../rotation/bands.js';
import { localDay, weekdayOfDay } from '../timezones/zone-clock.js';
import { betaDraw, hashSeed, seededRandom, type Random } from './seeded-random.js';

/** Pseudo-dials pulling a band's rate toward the overall rate. */
const BAND_SHRINK = 20;
/** Pseudo-dials (at the overall rate) pulling a weekday's factor, over all bands, toward 1. */
const WEEKDAY_SHRINK = 40;
/**
 * Pseudo-dials pulling a (band, weekday) cell toward its band times the
 * weekday's factor. Much more than the main effects get: a band's rate and a
 * weekday's factor each pool thousands of dials, a cell has only its own
 * (a twentieth of a band's over a working week), and an interaction (a
 * Tuesday evening that answers unlike Tuesdays and evenings) is rarer and
 * smaller than the main effects. At 40 the noise of a cell's few dozen dials
 * scattered leads across weekdays and over-explored; measured over the
 * shipped scenarios (5 seeds) and 24 generated ones (2 seeds), 400 won more
 * conversations than 40, 200 or 800.
 */
const CELL_SHRINK = 400;
/** Pseudo-dials pulling a segment's band rate toward the population's (a zone is a finer cut of every band, like a weekday). */
const SEGMENT_SHRINK = 150;
/**
 * Pseudo-dials pulling an hour's factor on its band toward 1: the hours of a
 * band are presumed alike (that is what a band says) until about a hundred of
 * an hour's own dials say otherwise. Fewer let the noise of a few dozen dials
 * (±40% at a 10% rate) push leads off an hour that is no worse.
 */
const HOUR_SHRINK = 100;
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
  /** Whether the history counts dials by hour (a checkpoint from before does not: every hour of a band is alike). */
  readonly hourly: boolean;
  /** Per band, the whole local hours it covers (an 18:00–20:00 band: 18 and 19). */
  readonly bandHours: number[][];
  /** Per band's hour, key band × 24 + hour: the band's rate times the hour's factor, and the dials it rests on. */
  readonly hourMean: Float64Array;
  readonly hourWeight: Float64Array;
  /** Per band: the rate its hours' factors are relative to. */
  readonly bandRate: Float64Array;
  /** Memoised quantile tables of the hours' rates, indexed like hourMean. */
  readonly hourQuantiles: (Float64Array | undefined)[];
  /** Memoised per band: its hours' largest factor (0 until first asked). */
  readonly topHourFactor: Float64Array;
}

/** Draws per posterior quantile table: a draw is a table entry picked by one uniform number. */
const QUANTILE_DRAWS = 64;

/** The number a segment has in the model's tables: 0 for none or one the history has not seen. */
export function segmentNumber(model: AnswerModel, segment: string | undefined): number {
  return segment === undefined ? 0 : (model.segmentIndex.get(segment) ?? 0);
}

const sum = (list: readonly number[] | undefined) => (list ?? []).reduce((n, x) => n + (x ?? 0), 0);

export function buildAnswerModel(stats: BandStats | undefined, bands: Band[]): AnswerModel {
  const bandCount = bands.length;
  const dials = stats?.dials ?? [];
  const conversations = stats?.conversations ?? [];
  const total = sum(dials);
  const overall = (sum(conversations) + 1) / (total + 2);
  const band = new Float64Array(bandCount);
  for (let b = 0; b < bandCount; b++) band[b] = ((conversations[b] ?? 0) + BAND_SHRINK * overall) / ((dials[b] ?? 0) + BAND_SHRINK);

  // Weekday factor over all bands, then each (band, weekday) cell shrunk toward band × factor. A weekday's factor is
  // its conversations over those its dials would have had at their bands' rates: a weekday dialled so far only in
  // the best band (its first morning) does not look better for it, and every band's cell on that weekday with it.
  const wd = stats?.weekdayDials ?? [];
  const wc = stats?.weekdayConversations ?? [];
  const weekdayFactor = new Float64Array(WEEKDAYS).fill(1);
  if (sum(wd) > 0) {
    for (let w = 0; w < WEEKDAYS; w++) {
      let expected = 0;
      let c = 0;
      for (let b = 0; b < bandCount; b++) {
        expected += (wd[b * WEEKDAYS + w] ?? 0) * band[b];
        c += wc[b * WEEKDAYS + w] ?? 0;
      }
      const prior = WEEKDAY_SHRINK * overall;
      weekdayFactor[w] = (c + prior) / (expected + prior);
    }
  }
  const mean = new Float64Array(bandCount * WEEKDAYS);
  const weight = new Float64Array(bandCount * WEEKDAYS);
  for (let b = 0; b < bandCount; b++) {
    for (let w = 0; w < WEEKDAYS; w++) {
      const i = b * WEEKDAYS + w;
      const parent = Math.min(0.99, band[b] * weekdayFactor[w]);
      mean[i] = ((wc[i] ?? 0) + CELL_SHRINK * parent) / ((wd[i] ?? 0) + CELL_SHRINK);
      // What the cell's draw rests on: its own dials plus its shrinkage's, but a cell is never surer than the band it
      // is shrunk toward, so while the bands are thin the draws stay wide and the planner explores.
      weight[i] = (wd[i] ?? 0) + Math.min(CELL_SHRINK, (dials[b] ?? 0) + BAND_SHRINK);
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
  const bandHours = bandMinutes(bands).map(({ start, end }) => {
    const hours: number[] = [];
    for (let h = Math.floor(start / 60); h < Math.ceil(end / 60) && h < 24; h++) hours.push(h);
    return hours;
  });
  // An hour's factor is its conversations over those its dials would have had at their band and weekday's rate:
  // hours dialled mostly on good weekdays do not look better for it. Shrunk toward 1 by HOUR_SHRINK dials.
  const hd = stats?.hourDials ?? [];
  const hc = stats?.hourConversations ?? [];
  const hourMean = new Float64Array(bandCount * 24);
  const hourWeight = new Float64Array(bandCount * 24);
  for (let b = 0; b < bandCount; b++) {
    for (const h of bandHours[b]) {
      let d = 0;
      let c = 0;
      let expected = 0;
      for (let w = 0; w < WEEKDAYS; w++) {
        d += hd[h * WEEKDAYS + w] ?? 0;
        c += hc[h * WEEKDAYS + w] ?? 0;
        expected += (hd[h * WEEKDAYS + w] ?? 0) * mean[b * WEEKDAYS + w];
      }
      const prior = HOUR_SHRINK * band[b];
      hourMean[b * 24 + h] = (band[b] * (c + prior)) / (expected + prior);
      hourWeight[b * 24 + h] = d + HOUR_SHRINK;
    }
  }
  return { bandCount, informed: total >= MIN_POPULATION_DIALS, mean, weight, segmentFactor, strength: LEAD_PRIOR_STRENGTH, quantiles: [],
    segmentIndex: new Map([...segmentFactor.keys()].map((segment, i) => [segment, i + 1])),
    hourly: stats?.hourDials !== undefined, bandHours, hourMean, hourWeight, bandRate: band, hourQuantiles: [], topHourFactor: new Float64Array(bandCount),
  };
}

/** How much likelier than its band's rate people answer in `hour` of `band`: the estimate, for the queue and the strip. */
export function hourFactor(model: AnswerModel, band: number, hour: number): number {
  return model.hourly && model.bandHours[band].length > 1 ? model.hourMean[band * 24 + hour] / model.bandRate[band] : 1;
}

/** The largest estimated factor among a band's hours: a bound for skipping candidates that cannot win (memoised). */
export function bestHourFactor(model: AnswerModel, band: number): number {
  let best = model.topHourFactor[band];
  if (best === 0) {
    for (const hour of model.bandHours[band]) best = Math.max(best, hourFactor(model, band, hour));
    model.topHourFactor[band] = best;
  }
  return best;
}

/**
 * A Thompson draw of that factor, to choose the hour of a band a lead is
 * planned in: an hour of a band the rep has dialled little may be its better
 * hour. Only the choice of hour is drawn; the lead's chance there uses the
 * estimate (hourFactor), because a drawn factor is wide (±30% at a 10% rate
 * even with HOUR_SHRINK's hundred dials) and would swamp the band's and the
 * weekday's evidence. A band of one hour, or a history without hours: 1.
 */
export function sampleHourFactor(model: AnswerModel, band: number, hour: number, random: Random): number {
  if (!model.hourly || model.bandHours[band].length <= 1) return 1;
  const key = band * 24 + hour;
  let table = model.hourQuantiles[key];
  if (!table) {
    const mu = Math.min(0.99, Math.max(1e-4, model.hourMean[key]));
    table = sortedBetaDraws(model.hourWeight[key] * mu, model.hourWeight[key] * (1 - mu), hashSeed('hour quantiles', key));
    model.hourQuantiles[key] = table;
  }
  return readQuantile(table, random()) / model.bandRate[band];
}

function sortedBetaDraws(alpha: number, beta: number, seed: number): Float64Array {
  const tableRandom = seededRandom(seed);
  const table = new Float64Array(QUANTILE_DRAWS);
  for (let i = 0; i < QUANTILE_DRAWS; i++) table[i] = betaDraw(alpha, beta, tableRandom);
  return table.sort();
}

/** The quantile function of sorted draws at `u` in [0, 1], interpolated between neighbours. */
function readQuantile(table: Float64Array, u: number): number {
  const at = u * (QUANTILE_DRAWS - 1);
  const i = Math.min(QUANTILE_DRAWS - 2, Math.floor(at));
  return table[i] + (at - i) * (table[i + 1] - table[i]);
}

/** The population's mean for a lead of `segment` in `band` on local `weekday` (0 = Sunday). */
export function populationMean(model: AnswerModel, segment: string | undefined, band: number, weekday: number): number {
  const factor = segment === undefined ? undefined : model.segmentFactor.get(segment);
  const mu = model.mean[band * WEEKDAYS + weekday] * (factor ? factor[band] : 1);
  return Math.min(0.99, Math.max(1e-4, mu));
}

/** The lead's posterior mean chance of answering in `band`, after `failures` unanswered tries and `answers` conversations there. */
export function leadChance(model: AnswerModel, segment: string | undefined, band: number, weekday: number, failures: number, answers = 0, factor = 1): number {
  return leadGiven(model, populationMean(model, segment, band, weekday) * factor, failures, answers);
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
  /** The draw's uniform number; 1 gives the highest draw the cell can make (a bound that lets a search skip it). */
  u: number,
  answers = 0,
  factor = 1,
): number {
  return leadGiven(model, readQuantile(meanTable(model, segment, segmentNo, band, weekday), u) * factor, failures, answers);
}

/** The lead's posterior mean given the population's rate `mu` (an hour's factor may push it past 1: capped). */
function leadGiven(model: AnswerModel, mu: number, failures: number, answers: number): number {
  return (model.strength * Math.min(0.99, mu) + answers) / (model.strength + failures + answers);
}

/** The cell's sorted draws of the population mean, made on first use. */
function meanTable(model: AnswerModel, segment: string | undefined, segmentNo: number, band: number, weekday: number): Float64Array {
  const key = (segmentNo * model.bandCount + band) * WEEKDAYS + weekday;
  let table = model.quantiles[key];
  if (!table) {
    const mu = populationMean(model, segment, band, weekday);
    const n = model.weight[band * WEEKDAYS + weekday];
    table = sortedBetaDraws(n * mu, n * (1 - mu), hashSeed('quantiles', key));
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
