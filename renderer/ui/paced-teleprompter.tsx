import { useEffect, useMemo, useState } from 'react';
import { paceWords, wordAt } from '../../shared/voicemail/pace.js';
import './paced-teleprompter.css';

interface Props {
  text: string;
  rateWpm: number;
}

/**
 * The script, large, with a marker moving word by word at the configured rate:
 * "Start reading" at the beep, the marker shows where the rep should be.
 */
export function PacedTeleprompter({ text, rateWpm }: Props) {
  const words = useMemo(() => paceWords(text, rateWpm), [text, rateWpm]);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(0);

  useEffect(() => {
    if (startedAt === null) return;
    let frame = requestAnimationFrame(function tick() {
      setNow(performance.now());
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [startedAt]);

  useEffect(() => setStartedAt(null), [text, rateWpm]);

  const elapsedS = startedAt === null ? -1 : (now - startedAt) / 1000;
  const current = wordAt(words, elapsedS);
  const finished = words.length > 0 && elapsedS > words[words.length - 1].endS;
  if (finished && startedAt !== null) queueMicrotask(() => setStartedAt(null));

  return (
    <div className="paced-teleprompter">
      <blockquote className="teleprompter" aria-label="Script to read">
        {words.map((word, i) => (
          <span key={i} className={`teleprompter-word${i === current ? ' is-current' : i < current ? ' is-spoken' : ''}`}>
            {word.text}{' '}
          </span>
        ))}
      </blockquote>
      <div className="actions">
        <button type="button" className="button button-quiet" onClick={() => setStartedAt(startedAt === null ? performance.now() : null)}>
          {startedAt === null ? `Start reading (${rateWpm} words a minute)` : 'Stop the pace marker'}
        </button>
      </div>
    </div>
  );
}
