/** Entry of `npm start`: see start() in start.ts. */
import { DataDirError, usePrivateUmask } from '../core/store/private-data-dir.js';
import { WebOptionsError } from '../web/web-options.js';
import { realSteps, start } from './start.js';

usePrivateUmask();
start(process.argv.slice(2), realSteps).then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (error: unknown) => {
    const usage = error instanceof WebOptionsError || error instanceof DataDirError;
    const message = usage ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`Dialdesk could not start: ${message}\n`);
    process.exit(usage ? 2 : 1);
  },
);
