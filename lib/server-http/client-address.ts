/**
 * Which address a request came from, trusting forwarded headers only from configured proxies.
 *
 * X-Forwarded-For is a list each proxy appends its peer to, so only its right end can be believed: walking
 * from the right, every hop that is a trusted proxy is skipped and the first address that is not is the
 * client (the one the nearest trusted proxy saw). When the direct peer itself is not a trusted proxy, the
 * header is the client's own writing and is ignored: the peer is the client. Pure: no I/O, no env reads.
 */

export type AddressRange = { family: 4 | 6; bits: bigint; prefix: number };

/** The default of TRUSTED_PROXIES: loopback only (a reverse proxy on the same host). */
export const DEFAULT_TRUSTED_PROXIES = '127.0.0.0/8,::1';

const MAX_FORWARDED_ENTRIES = 32;

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  let head = text;
  let tail: bigint[] = [];
  // An embedded IPv4 tail (::ffff:1.2.3.4).
  const lastColon = head.lastIndexOf(':');
  if (head.includes('.') && lastColon >= 0) {
    const v4 = parseIpv4(head.slice(lastColon + 1));
    if (v4 === null) return null;
    tail = [v4 >> 16n, v4 & 0xffffn];
    head = head.slice(0, lastColon + 1);
    if (!head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const toGroups = (s: string) => (s === '' ? [] : s.split(':'));
  const left = toGroups(halves[0] ?? '');
  const right = halves.length === 2 ? toGroups(halves[1] ?? '') : [];
  const groups: bigint[] = [];
  for (const g of [...left, ...right]) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
  }
  const explicit = left.length + right.length + tail.length;
  if (halves.length === 1 && explicit !== 8) return null;
  if (halves.length === 2 && explicit > 7) return null;
  groups.push(...left.map((g) => BigInt(parseInt(g, 16))));
  if (halves.length === 2) for (let i = 0; i < 8 - explicit; i++) groups.push(0n);
  groups.push(...right.map((g) => BigInt(parseInt(g, 16))), ...tail);
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/**
 * An address as a proxy may write it ("1.2.3.4", "1.2.3.4:5678", "[::1]:80", "::ffff:10.0.0.1") in a
 * canonical form (IPv4-mapped IPv6 becomes IPv4), or null when it is not an IP address.
 */
export function normalizeAddress(raw: string): string | null {
  let text = raw.trim().toLowerCase();
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    if (end < 0) return null;
    text = text.slice(1, end);
  } else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(text)) {
    text = text.slice(0, text.lastIndexOf(':'));
  }
  text = text.replace(/%.*$/, ''); // a zone index (fe80::1%eth0)
  if (parseIpv4(text) !== null) return text;
  const v6 = parseIpv6(text);
  if (v6 === null) return null;
  if (v6 >> 32n === 0xffffn) {
    const v4 = Number(v6 & 0xffffffffn);
    return [v4 >>> 24, (v4 >>> 16) & 255, (v4 >>> 8) & 255, v4 & 255].join('.');
  }
  return text;
}

function toRange(address: string, prefix?: number): AddressRange | null {
  const v4 = parseIpv4(address);
  if (v4 !== null) {
    const p = prefix ?? 32;
    return p >= 0 && p <= 32 ? { family: 4, bits: v4, prefix: p } : null;
  }
  const v6 = parseIpv6(address);
  if (v6 === null) return null;
  const p = prefix ?? 128;
  return p >= 0 && p <= 128 ? { family: 6, bits: v6, prefix: p } : null;
}

/** TRUSTED_PROXIES ("127.0.0.0/8, ::1, 10.1.2.3") as ranges; an entry that is not an address or CIDR throws. */
export function parseTrustedProxies(value: string | undefined): AddressRange[] {
  const text = value === undefined || value.trim() === '' ? DEFAULT_TRUSTED_PROXIES : value;
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [address = '', prefixText] = entry.split('/');
      const prefix = prefixText === undefined ? undefined : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
      const normalized = normalizeAddress(address);
      const range = normalized === null ? null : toRange(normalized, prefix);
      if (!range) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
      return range;
    });
}

/** Whether a (normalized) address lies in one of the ranges. */
export function isTrustedAddress(address: string, ranges: readonly AddressRange[]): boolean {
  const own = toRange(address);
  if (!own) return false;
  const width = own.family === 4 ? 32 : 128;
  return ranges.some((range) => {
    if (range.family !== own.family) return false;
    const shift = BigInt(width - range.prefix);
    return own.bits >> shift === range.bits >> shift;
  });
}

export interface ForwardedFacts {
  /** The X-Forwarded-For header as received (null when absent). */
  forwardedFor: string | null;
  /** The socket's remote address, when known. */
  peer: string | null;
  trusted: readonly AddressRange[];
}

/** The client's address per the rules above; 'unknown' when nothing usable is known. */
export function resolveClientAddress({ forwardedFor, peer, trusted }: ForwardedFacts): string {
  const direct = peer === null ? null : normalizeAddress(peer);
  if (direct === null) return 'unknown';
  if (!isTrustedAddress(direct, trusted)) return direct;
  const hops = (forwardedFor ?? '').split(',').slice(-MAX_FORWARDED_ENTRIES).reverse();
  let nearest = direct;
  for (const hop of hops) {
    if (hop.trim() === '') continue;
    const address = normalizeAddress(hop);
    // A trusted proxy wrote this entry; if it is not an address, the proxy is misconfigured: stop at the proxy.
    if (address === null) return nearest;
    if (!isTrustedAddress(address, trusted)) return address;
    nearest = address;
  }
  return nearest;
}

/** Whether the direct peer is a trusted proxy (its X-Forwarded-* headers may be believed). */
export function isPeerTrusted(peer: string | null, trusted: readonly AddressRange[]): boolean {
  const direct = peer === null ? null : normalizeAddress(peer);
  return direct !== null && isTrustedAddress(direct, trusted);
}
