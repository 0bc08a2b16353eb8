/**
 * Seeded random draws for the learning planner and the simulator: the same
 * seed gives the same plan and the same run on every machine. mulberry32 is
 * a small, well-tested 32-bit generator; Beta draws use Marsaglia–Tsang's
 * gamma method (Gamma(a) and Gamma(b) give Beta(a, b)), which needs only
 * uniform and normal draws. No npm package offers seeded Beta draws without
 * pulling in a statistics suite, so these twenty lines are ours.
 */

export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over a string, mixed with numbers: a seed for one (lead, state, day) draw. */
export function hashSeed(text: string, ...numbers: number[]): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  for (const n of numbers) h = Math.imul(h ^ (n | 0), 0x01000193) ^ Math.imul((n / 4294967296) | 0, 0x9e3779b1);
  return h >>> 0;
}

function normal(random: Random): number {
  // Box–Muller; 1 - u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export function gammaDraw(shape: number, random: Random): number {
  if (shape < 1) return gammaDraw(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export function betaDraw(a: number, b: number, random: Random): number {
  const x = gammaDraw(a, random);
  const y = gammaDraw(b, random);
  return x + y > 0 ? x / (x + y) : a / (a + b);
}
