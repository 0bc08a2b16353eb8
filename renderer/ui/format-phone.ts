/** How a phone number is shown on every screen (lead list, lead detail, focus view); dates and times are in ui/format-time.ts. */

/** "+1 212 555 0147" style spacing for North American numbers; others as stored. */
export function formatPhone(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return nanp ? `+1 ${nanp[1]} ${nanp[2]} ${nanp[3]}` : e164;
}
