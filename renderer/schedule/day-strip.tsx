import { useId, type CSSProperties } from 'react';
import { OUTCOME_LABELS, outcomeColour, type Outcome } from '../../shared/outcomes.js';
import { MINUTES_PER_DAY, type StripModel } from './strip-geometry.js';
import { minutesToClock } from './zoned-time.js';

const WIDTH = 288;
const PAD = 8;
const INNER = WIDTH - PAD * 2;
const BAND_Y = 4;
const BAND_H = 14;
const AXIS_Y = 58;
/** The area the legal window shades: from under the bands to just below the axis. */
const AREA_Y = BAND_Y + BAND_H + 4;
const AREA_H = AXIS_Y + 4 - AREA_Y;
const LANE_STEP = 9;
const HEIGHT = 84;
const HOURS = [0, 3, 6, 9, 12, 15, 18, 21, 24];

/** An outcome's colour token from shared/outcomes.ts, for the `.strip-mark`/`.swatch-dot` rules. */
const colourOf = (outcome: Outcome) => ({ '--outcome-colour': outcomeColour(outcome) }) as CSSProperties;

const x = (minute: number) => PAD + (minute / MINUTES_PER_DAY) * INNER;
const percent = (chance: number | null) => (chance === null ? 'unknown' : `${Math.round(chance * 100)}%`);

/**
 * The lead's attempts on one 24-hour line of their local time: the legal
 * window shaded, the bands above with how often each was tried (and, once
 * the planner has learned, shaded darker where this lead is likelier to
 * answer), every attempt a dot coloured by its outcome, the next planned
 * attempt a ring.
 */
export function DayStrip({ model, zone }: { model: StripModel; zone: string }) {
  const titleId = useId();
  const outcomes = [...new Set(model.marks.map((m) => m.outcome))];
  const learned = model.bands.some((band) => band.shade !== null);
  const summary = [
    `Attempts by time of day in ${zone}:`,
    model.marks.length === 0 ? 'none yet.' : `${model.marks.map((m) => `${minutesToClock(m.minute)} ${OUTCOME_LABELS[m.outcome]}`).join(', ')}.`,
    learned ? `Estimated answer chance: ${model.bands.map((b) => `${b.id} ${percent(b.chance)}`).join(', ')}.` : '',
    model.next ? `Next attempt ${minutesToClock(model.next.minute)}${model.next.promised ? ' (promised)' : ''}.` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <figure className="day-strip">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} className="day-strip-svg">
        <title id={titleId}>{summary}</title>
        <rect className="strip-closed" x={PAD} y={AREA_Y} width={INNER} height={AREA_H} rx={3} />
        {model.legal ? (
          <rect
            className="strip-legal"
            x={x(model.legal.start)}
            y={AREA_Y}
            width={x(model.legal.end) - x(model.legal.start)}
            height={AREA_H}
          >
            <title>{`Legal calling window ${minutesToClock(model.legal.start)}–${minutesToClock(model.legal.end)}`}</title>
          </rect>
        ) : null}
        {model.bands.map((band, i) => (
          <g key={band.id} className={`strip-band${band.tries > 0 ? ' is-tried' : ''}${i % 2 ? ' is-odd' : ''}`}>
            <rect x={x(band.start) + 0.5} y={BAND_Y} width={Math.max(1, x(band.end) - x(band.start) - 1)} height={BAND_H} rx={2}>
              <title>{`Band ${band.id}: tried ${band.tries} ${band.tries === 1 ? 'time' : 'times'}${band.chance === null ? '' : ` · estimated answer chance ${percent(band.chance)}`}`}</title>
            </rect>
            {band.shade !== null ? (
              // A presentation attribute, not a style: the CSP allows no inline styles.
              <rect
                className="strip-band-chance"
                data-chance={band.chance?.toFixed(3)}
                x={x(band.start) + 0.5}
                y={BAND_Y}
                width={Math.max(1, x(band.end) - x(band.start) - 1)}
                height={BAND_H}
                rx={2}
                fillOpacity={(0.08 + 0.72 * band.shade).toFixed(2)}
                pointerEvents="none"
              />
            ) : null}
            {band.tries > 0 ? (
              <text x={(x(band.start) + x(band.end)) / 2} y={BAND_Y + BAND_H - 4} className="strip-band-count" textAnchor="middle">
                {band.tries}
              </text>
            ) : null}
          </g>
        ))}
        <line className="strip-axis" x1={PAD} x2={WIDTH - PAD} y1={AXIS_Y} y2={AXIS_Y} />
        {HOURS.map((hour) => (
          <g key={hour} className="strip-hour">
            <line x1={x(hour * 60)} x2={x(hour * 60)} y1={AXIS_Y} y2={AXIS_Y + 3} />
            <text x={x(hour * 60)} y={HEIGHT - 4} textAnchor="middle">
              {hour}
            </text>
          </g>
        ))}
        {model.now !== null ? (
          <line className="strip-now" x1={x(model.now)} x2={x(model.now)} y1={AREA_Y} y2={AXIS_Y + 4}>
            <title>{`Now: ${minutesToClock(model.now)}`}</title>
          </line>
        ) : null}
        {model.next ? (
          <circle className={`strip-next${model.next.promised ? ' is-promised' : ''}`} cx={x(model.next.minute)} cy={AXIS_Y} r={5.5}>
            <title>{`Next attempt ${minutesToClock(model.next.minute)}${model.next.promised ? ' (promised)' : ''}`}</title>
          </circle>
        ) : null}
        {model.marks.map((mark) => (
          <circle
            key={mark.id}
            className={`strip-mark outcome-${mark.outcome}`}
            style={colourOf(mark.outcome)}
            data-outcome={mark.outcome}
            cx={x(mark.minute)}
            cy={AXIS_Y - 6 - mark.lane * LANE_STEP}
            r={3.6}
          >
            <title>{`${minutesToClock(mark.minute)} · ${OUTCOME_LABELS[mark.outcome]}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="day-strip-legend">
        <span className="legend-item">
          <span className="legend-swatch swatch-legal" aria-hidden="true" />
          Legal window
        </span>
        {learned ? (
          <span className="legend-item">
            <span className="legend-swatch swatch-chance" aria-hidden="true" />
            Darker band: likelier to answer
          </span>
        ) : null}
        {model.next ? (
          <span className="legend-item">
            <span className={`legend-swatch swatch-next${model.next.promised ? ' is-promised' : ''}`} aria-hidden="true" />
            Next
          </span>
        ) : null}
        {outcomes.map((outcome: Outcome) => (
          <span key={outcome} className="legend-item">
            <span className={`legend-swatch swatch-dot outcome-${outcome}`} style={colourOf(outcome)} aria-hidden="true" />
            {OUTCOME_LABELS[outcome]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
