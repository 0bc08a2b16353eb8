/**
 * Dial plan: turns the E.164 number the rep dials into the SIP URI the PBX routes.
 * `{e164}` is the number with its "+", `{digits}` without (`sip:00{digits}@pbx` for PBXs that want
 * an international prefix).
 */
const E164 = /^\+[1-9]\d{6,14}$/;

export function applyDialPlan(template: string, e164: string): string {
  if (!E164.test(e164)) throw new Error(`not an E.164 number: ${e164}`);
  const placeholders = template.match(/\{[^}]*\}/g) ?? [];
  if (placeholders.length !== 1 || !['{e164}', '{digits}'].includes(placeholders[0])) {
    throw new Error(`dial plan needs exactly one {e164} or {digits}: ${template}`);
  }
  const uri = template.replace('{e164}', e164).replace('{digits}', e164.slice(1));
  if (!/^sips?:[^\s@]+@[^\s@]+$/.test(uri)) throw new Error(`dial plan does not make a SIP URI: ${uri}`);
  return uri;
}
