/** Entry of `npm run serve`: see serve() in web.ts. */
import { WebOptionsError } from './web-options.js';
import { serve } from './web.js';

serve(process.argv.slice(2), process.env).catch((error: unknown) => {
  const message = error instanceof WebOptionsError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`Dialdesk could not start: ${message}\n`);
  process.exit(error instanceof WebOptionsError ? 2 : 1);
});
