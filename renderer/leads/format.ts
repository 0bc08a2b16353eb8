/** Display helpers for lead data. All times arrive as ISO strings in UTC. */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const zoneFormatters = new Map<string, Intl.DateTimeFormat | null>();

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export function formatShortDate(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : shortDate.format(date);
}

/** The lead's wall-clock time now ("2:05 PM"), or null when the zone is unknown or invalid. */
export function localTimeIn(timeZone: string | null, now: Date = new Date()): string | null {
  if (!timeZone) return null;
  let formatter = zoneFormatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat(undefined, { timeZone, hour: 'numeric', minute: '2-digit' });
    } catch {
      formatter = null;
    }
    zoneFormatters.set(timeZone, formatter);
  }
  return formatter ? formatter.format(now) : null;
}

/** "+1 212 555 0147" style spacing for North American numbers; others as stored. */
export function formatPhone(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return nanp ? `+1 ${nanp[1]} ${nanp[2]} ${nanp[3]}` : e164;
}
