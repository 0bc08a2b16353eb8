import { useEffect } from 'react';
import { useApi } from '../api/api-context.js';
import { mediaEngineFor } from './media-engine.js';

/** Runs the media module for the app's lifetime. Mount once, at app level; renders nothing. */
export function MediaHost() {
  const api = useApi();
  useEffect(() => {
    const engine = mediaEngineFor(api);
    engine.start();
    return () => engine.stop();
  }, [api]);
  return null;
}
