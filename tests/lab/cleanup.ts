import { afterAll, afterEach } from 'vitest';
import type { Lab } from './lab.js';

/**
 * Registers the hooks every lab file needs: stop every process the lab started (by PID, with
 * hard timeouts), and delete its run folder unless a test failed — then its logs say why, and the
 * path is printed.
 */
export function stopLabAfterAll(lab: Lab, before: () => Promise<void> = async () => {}): void {
  let failed = false;
  afterEach((context) => {
    if (context.task.result?.state === 'fail') failed = true;
  });
  afterAll(async () => {
    try {
      await before();
    } finally {
      await lab.stopAll();
      if (failed || process.env.DIALDESK_LAB_KEEP) console.warn(`lab run kept: ${lab.runDir}`);
      else lab.remove();
    }
  });
}
