import { useEffect } from 'react';
import { useApi } from '../api/api-context.js';
import { PracticeFarEnds } from './far-end-peer.js';

/** Runs the practice line's far ends for the app's lifetime (they answer only practice calls). Mount once; renders nothing. */
export function PracticeFarEndHost() {
  const api = useApi();
  useEffect(() => {
    const farEnds = new PracticeFarEnds(api);
    farEnds.start();
    return () => farEnds.stop();
  }, [api]);
  return null;
}
