import { isoDate } from './format-time.js';

/**
 * Hands text to the browser (Electron: its download handler) as a file,
 * through a Blob and an `<a download>`; no Node APIs.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; the download keeps its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The UTF-8 byte-order mark: lets Excel open the CSV as UTF-8 (our import and most tools skip it). */
export const UTF8_BOM = '\uFEFF';

/** "dialdesk-leads-2026-12-01.csv", dated in the rep's local calendar. */
export function exportFileName(kind: 'leads' | 'attempts', now: Date = new Date()): string {
  return `dialdesk-${kind === 'leads' ? 'leads' : 'attempt-history'}-${isoDate(now)}.csv`;
}
