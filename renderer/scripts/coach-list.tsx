import type { CoachWarning } from '../../shared/schedule.js';

/** The script coach's advice; "Coach: no notes" when it has none. */
export function CoachList({ warnings, compact = false }: { warnings: CoachWarning[]; compact?: boolean }) {
  if (warnings.length === 0) return <p className="coach-clear">Coach: no notes.</p>;
  return (
    <ul className={`coach-list${compact ? ' is-compact' : ''}`} aria-label="Coach warnings">
      {warnings.map((warning) => (
        <li key={`${warning.code}:${warning.message}`} className={`coach-item severity-${warning.severity}`}>
          {warning.message}
        </li>
      ))}
    </ul>
  );
}
