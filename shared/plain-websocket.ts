/**
 * SIP over plain `ws://` sends the rep's digest exchange, every number they
 * dial and every caller's number in clear text. It is allowed only to a PBX on
 * this computer or on the private network (where the lab and many office PBXs
 * live); anything on the internet needs `wss://`.
 */
const PRIVATE_NAME_SUFFIXES = ['.local', '.lan', '.home.arpa', '.internal', '.localhost'];

export function isPrivateNetworkHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (name === 'localhost') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  if (name.includes(':')) {
    // IPv6: loopback, unique local (fc00::/7) and link-local (fe80::/10).
    return name === '::1' || /^f[cd][0-9a-f]{2}:/.test(name) || /^fe[89ab][0-9a-f]:/.test(name);
  }
  // A single-label name ("pbx") only resolves on the local network; so do the reserved private suffixes.
  return !name.includes('.') || PRIVATE_NAME_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

/** Null when the server URL is acceptable; otherwise why not. */
export function plainWebSocketProblem(serverUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return null; // the URL's own format check reports it
  }
  if (url.protocol !== 'ws:' || isPrivateNetworkHost(url.hostname)) return null;
  return `ws:// is not encrypted, so it is only for a PBX on this computer or your private network; use wss://${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}
