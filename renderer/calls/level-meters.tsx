import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context.js';
import { meterLevel } from '../media/level-meter.js';
import { mediaEngineFor } from '../media/media-engine.js';

/** Microphone and far-end level of a call, read from the media module ten times a second. */
export function LevelMeters({ callId }: { callId: string }) {
  const engine = mediaEngineFor(useApi());
  const [levels, setLevels] = useState({ mic: 0, remote: 0 });
  useEffect(() => {
    const timer = setInterval(() => setLevels(engine.levels(callId)), 100);
    return () => clearInterval(timer);
  }, [engine, callId]);
  return (
    <div className="call-levels">
      <label className="call-level">
        <span>You</span>
        <meter min={0} max={1} low={0.25} high={0.9} optimum={0.6} value={meterLevel(levels.mic)} aria-label="Microphone level" />
      </label>
      <label className="call-level">
        <span>Them</span>
        <meter min={0} max={1} low={0.25} high={0.9} optimum={0.6} value={meterLevel(levels.remote)} aria-label="Their level" />
      </label>
    </div>
  );
}
