import { useEffect, useState } from 'react';
import { useApi, useDialdeskEvent } from '../api/api-context.js';

/** Whether the app runs on the practice folder and line (every screen it touches says PRACTICE). */
export function usePractice(): boolean {
  const api = useApi();
  const [practice, setPractice] = useState(false);
  useEffect(() => {
    let live = true;
    void api.getStatus({}).then((result) => live && result.ok && setPractice(result.value.practice));
    return () => void (live = false);
  }, [api]);
  useDialdeskEvent((event) => {
    if (event.type === 'practice.changed') setPractice(event.practice);
  });
  return practice;
}
