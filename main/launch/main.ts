/** Entry of `npm start`: see start() in start.ts. */
import { WebOptionsError } from '../web/web-options.js';
import { realSteps, start } from './start.js';

start(process.argv.slice(2), realSteps).then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (error: unknown) => {
    const message = error instanceof WebOptionsError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`Dialdesk could not start: ${message}\n`);
    process.exit(1);
  },
);
