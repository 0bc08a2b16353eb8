/**
 * What every benchmark section prints and records: a figure has a key
 * (`section.name`), a value and, where the issue sets one, a target. Every
 * printed figure lands in `bench-results.json`, so a machine can read what a
 * person reads.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface FigureOptions {
  /** How the figure reads on screen, e.g. "open store". */
  label: string;
  unit?: string;
  digits?: number;
  /** The issue's target: at most `max`, or at least `min`. */
  target?: { max: number } | { min: number };
}

export class BenchReport {
  readonly figures: Record<string, number> = {};

  constructor(private readonly print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  /** A line of context that is not a figure (set-up, notes). */
  note(text: string): void {
    this.print(`  ${text}`);
  }

  heading(text: string): void {
    this.print('');
    this.print(text);
  }

  figure(key: string, value: number, options: FigureOptions): void {
    this.figures[key] = value;
    const digits = options.digits ?? (Math.abs(value) >= 100 ? 0 : 2);
    const shown = `${value.toFixed(digits)}${options.unit ? ` ${options.unit}` : ''}`;
    let target = '';
    if (options.target) {
      const met = 'max' in options.target ? value <= options.target.max : value >= options.target.min;
      const bound = 'max' in options.target ? `≤ ${options.target.max}` : `≥ ${options.target.min}`;
      target = `   (target ${bound}: ${met ? 'ok' : 'MISSED'})`;
    }
    this.print(`  ${options.label.padEnd(44)} ${shown.padStart(12)}${target}   [${key}]`);
  }

  /** Merges into an existing file, so `--only SECTION` keeps the other sections' last figures. */
  write(file: string): void {
    let previous: Record<string, number> = {};
    if (existsSync(file)) {
      try {
        previous = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
      } catch {
        previous = {};
      }
    }
    writeFileSync(file, `${JSON.stringify({ ...previous, ...this.figures }, null, 2)}\n`);
  }
}
