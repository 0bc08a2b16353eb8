/** An imported time-zone cell → an IANA zone when it names one Intl knows, else null (inferred from the phone later). */
export function normalizeZoneColumn(text: string): string | null {
  if (!text) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
