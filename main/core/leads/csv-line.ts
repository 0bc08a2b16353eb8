import Papa from 'papaparse';

/**
 * One CSV record for a file a rep may open in Excel or Sheets. A cell that
 * starts with = + - @ tab or carriage return would run there as a formula
 * (CSV injection: a lead named `=HYPERLINK(…)` from a web form), so papaparse
 * prefixes it with ' and the spreadsheet shows it as text. A bare E.164
 * number (+ and digits only) cannot call anything and stays as it is, so
 * phone columns still read and re-import cleanly. Every export (leads,
 * attempts, plans, lists) writes through this.
 */
export const FORMULA_START = /^(?!\+\d+$)[=+\-@\t\r]/;

export function csvLine(values: readonly unknown[]): string {
  const cells = values.map((v) => (v === null || v === undefined ? '' : v));
  return `${Papa.unparse([cells], { newline: '\r\n', escapeFormulae: FORMULA_START })}\r\n`;
}
