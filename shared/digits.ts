/** The digits of a phone number or any text ("+1 (212) 555-0147" → "12125550147"): main and renderer use this one. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}
