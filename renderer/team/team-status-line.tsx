import { useEffect, useState } from 'react';
import type { TeamLine } from '../../shared/contract/team.js';
import { useDialdeskEvent } from '../api/api-context.js';
import { useNow } from '../ui/use-now.js';
import { nextTeamLine, teamLineText } from './team-line-text.js';
import './team.css';

/** The team line in the status bar: synced, syncing, offline since …, blocked. Follows the core's team.line events. */
export function TeamStatusLine({ initial }: { initial: TeamLine }) {
  const [line, setLine] = useState<TeamLine>(initial);
  useEffect(() => setLine(initial), [initial]);
  useDialdeskEvent((event) => setLine((current) => nextTeamLine(current, event) ?? current));
  // "synced 14:03" turns into a dated time after midnight.
  const now = useNow(60_000);
  const { text, tone } = teamLineText(line, now);
  return (
    <span className={`team-line team-line-${tone}`} data-state={line.state} role="status" aria-live="polite" title={line.state === 'offline' ? line.error : undefined}>
      {text}
    </span>
  );
}
