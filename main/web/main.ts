/** Entry of `npm run serve`: see serve() in web.ts. */
import { DataDirError, usePrivateUmask } from '../core/store/private-data-dir.js';
import { WebOptionsError } from './web-options.js';
import { serve } from './web.js';

usePrivateUmask();
serve(process.argv.slice(2), process.env).catch((error: unknown) => {
  // A bad option or an unusable data folder is the user's to fix: one line, status 2, no stack trace.
  const usage = error instanceof WebOptionsError || error instanceof DataDirError;
  const message = usage ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`Dialdesk could not start: ${message}\n`);
  process.exit(usage ? 2 : 1);
});
