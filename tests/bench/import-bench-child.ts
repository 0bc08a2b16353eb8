/**
 * Imports one CSV into a fresh store in a fresh process, so the peak RSS is
 * the import's alone; prints the figures as JSON.
 */
import { readFileSync } from 'node:fs';
import { importLeads } from '../../main/core/leads/import-leads.js';
import { LeadStore } from '../../main/core/store/lead-store.js';

const [file, dataDir] = [process.argv[2], process.argv[3]];
const started = performance.now();
const store = await LeadStore.open(dataDir);
// As the CLI runs it: the first 50 rejected rows kept, the rest only counted (and streamed to --report).
const report = await importLeads(store, readFileSync(file), file, { defaultCountry: 'US', now: new Date(), keepRejected: 50 });
await store.close();
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024, imported: report.imported, rejected: report.rejectedCount }));
