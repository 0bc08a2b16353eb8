import type { DialdeskEvent, EventListener } from '../../../shared/contract/index.js';

/** Fan-out of core events to whoever shows them (Electron window, harness socket, tests). */
export interface EventHub {
  emit(event: DialdeskEvent): void;
  /** Returns the disposer. */
  subscribe(listener: EventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          // One broken listener (a closed window) must not stop the others.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
