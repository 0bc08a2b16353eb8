/**
 * Turns the time-zone text a CRM export carries into an IANA zone. The
 * spellings are not typed in by hand: the alias table is built from the
 * runtime's own zone names (Intl/CLDR: "Eastern Time", "Eastern Standard
 * Time", "EST", "ET"…) and the tz database's backward links ("US/Pacific",
 * "Canada/Atlantic"), so it follows the runtime's tz data.
 */
import { isKnownZone } from './zone-clock.js';

/**
 * When several zones share a name ("Eastern Time" is New York, Detroit,
 * Toronto…), the zone the tz database's US/Canada links point to wins: it is
 * what a North American CRM means. These are link names, not zone data.
 */
const PREFERRED_LINKS = [
  'US/Eastern',
  'US/Central',
  'US/Mountain',
  'US/Pacific',
  'US/Alaska',
  'US/Hawaii',
  'US/Arizona',
  'Canada/Atlantic',
  'Canada/Newfoundland',
];

/** Words a CRM puts around a zone name that carry no zone information. */
const NOISE = /\((?:GMT|UTC)\s*[+\-−]?\s*\d{1,2}(?::?\d{2})?\)|\((?:US|U\.S\.)\s*(?:&|and)\s*Canada\)/gi;

let aliasTable: Map<string, string> | null = null;
/**
 * Answers per cell text: a CRM export repeats a handful of zone spellings 100,000 times. Bounded, because the
 * cells come from files: a longer text than any zone name is answered without a look-up, and the memo is
 * emptied when it reaches MEMO_LIMIT distinct texts (a file of unique junk cannot grow it without end).
 */
const memo = new Map<string, string | null>();
const MEMO_LIMIT = 10_000;
/** Longer than any IANA name or Windows/Rails label ("(GMT-05:00) Eastern Time (US & Canada)" is 39). */
const MAX_ZONE_TEXT = 100;

/**
 * The IANA zone `raw` names, or null when it names none. Accepts IANA names
 * (any case, links included), CLDR names in US English ("Eastern Time",
 * "Pacific Standard Time", "Central European Time"), abbreviations ("EST",
 * "PDT", "ET"), bare region words ("Pacific", "Arizona", "Atlantic"), Rails
 * and Windows style labels ("(GMT-05:00) Eastern Time (US & Canada)"), city
 * names ("London") and fixed offsets ("UTC-05:00").
 */
export function normalizeTimeZoneName(raw: string): string | null {
  const text = raw.trim();
  if (text === '' || text.length > MAX_ZONE_TEXT) return null;
  const cached = memo.get(text);
  if (cached !== undefined) return cached;
  const result = resolve(text);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, result);
  return result;
}

function resolve(text: string): string | null {
  if (/^\(?\s*(?:GMT|UTC|Z|Zulu|Coordinated Universal Time)\s*\)?$/i.test(text)) return 'UTC';
  const aliases = getAliasTable();
  const direct = aliases.get(key(text));
  if (direct) return direct;

  if (/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+$/.test(text) && isKnownZone(text)) return canonical(text);

  const offset = fixedOffsetZone(text);
  if (offset) return offset;

  const cleaned = text.replace(NOISE, ' ').replace(/\s+/g, ' ').trim();
  const offsetPrefixOnly = /^\((?:GMT|UTC)[^)]*\)$/i.test(text);
  if (offsetPrefixOnly) return fixedOffsetZone(text.slice(1, -1));
  for (const candidate of [cleaned, `${cleaned} Time`, cleaned.replace(/ (standard|daylight) time$/i, ' Time')]) {
    const hit = aliases.get(key(candidate));
    if (hit) return hit;
  }
  return null;
}

function key(text: string): string {
  return text.toLowerCase().replace(/[\s_]+/g, ' ').trim();
}

function canonical(zone: string): string {
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  if (resolved.toLowerCase() === zone.toLowerCase()) return resolved;
  // Keep a current name ("Asia/Kolkata") whose runtime id is an older link ("Asia/Calcutta"); links such as US/Eastern resolve.
  if (/^(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//.test(zone)) return zone;
  return resolved;
}

/** "UTC-05:00", "GMT+2", "-0500" → an Etc/GMT zone (whose sign is inverted by POSIX convention). */
function fixedOffsetZone(text: string): string | null {
  const match = /^(?:\(?\s*(?:GMT|UTC)\s*)?([+\-−])\s*(\d{1,2})(?::?(\d{2}))?\s*\)?$/i.exec(text.trim());
  if (!match) {
    if (/^\(?\s*(?:GMT|UTC|Z|Zulu)\s*\)?$/i.test(text.trim())) return 'UTC';
    return null;
  }
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (minutes !== 0 || hours > 14) return null;
  if (hours === 0) return 'UTC';
  const sign = match[1] === '+' ? '-' : '+';
  const zone = `Etc/GMT${sign}${hours}`;
  return isKnownZone(zone) ? zone : null;
}

function getAliasTable(): Map<string, string> {
  if (aliasTable) return aliasTable;
  const zones = Intl.supportedValuesOf('timeZone');
  const preferred = new Set(
    PREFERRED_LINKS.filter(isKnownZone).map(
      (link) => new Intl.DateTimeFormat('en-US', { timeZone: link }).resolvedOptions().timeZone,
    ),
  );
  const candidates = new Map<string, string[]>();
  const add = (name: string, zone: string): void => {
    // "GMT+1" style names say nothing about the region.
    if (/^GMT[+\-−]/.test(name)) return;
    const k = key(name);
    const list = candidates.get(k);
    if (list) {
      if (!list.includes(zone)) list.push(zone);
    } else candidates.set(k, [zone]);
  };
  const year = 2025;
  const instants = [Date.UTC(year, 0, 15), Date.UTC(year, 6, 15)].map((ms) => new Date(ms));
  const styles = ['long', 'short', 'longGeneric', 'shortGeneric'] as const;
  for (const zone of zones) {
    for (const style of styles) {
      const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: style });
      for (const instant of instants) {
        const name = format.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value;
        if (name) add(name, zone);
      }
    }
    const city = zone.split('/').pop();
    if (city && zone.includes('/')) add(city.replace(/_/g, ' '), zone);
  }
  // Bare region words through the backward links: "Pacific" → US/Pacific, "Atlantic" → Canada/Atlantic.
  for (const link of PREFERRED_LINKS) {
    if (!isKnownZone(link)) continue;
    const zone = new Intl.DateTimeFormat('en-US', { timeZone: link }).resolvedOptions().timeZone;
    const region = link.split('/')[1];
    candidates.set(key(region), [zone]);
    candidates.set(key(link), [zone]);
  }
  const table = new Map<string, string>();
  for (const [name, list] of candidates) {
    const pick = list.find((zone) => preferred.has(zone)) ?? [...list].sort()[0];
    table.set(name, pick);
  }
  aliasTable = table;
  return table;
}
