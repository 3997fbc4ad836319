/**
 * What a request's headers say about where it came from, with TRUSTED_PROXIES applied (lib/server-http/client-address).
 *
 * The socket's peer address: Next's route handlers do not expose the socket, so instrumentation.ts writes it
 * into PEER_HEADER on every incoming request (overwriting anything a client sent; lib/server-http/peer-address-hook).
 * Without that header (e.g. a runtime where the hook did not run) the peer is read from the right end of
 * X-Forwarded-For, which Next itself fills with the socket address when the request carried none — right as
 * long as the app listens on loopback behind its proxy (the `npm start` default).
 */
import { serverEnv } from '@/lib/env';
import { parseTrustedProxies, isPeerTrusted, resolveClientAddress, type AddressRange } from './client-address';
import { resolveAppOrigin } from './request-origin';

export const PEER_HEADER = 'x-zhuashou-peer-address';

export interface HeaderReader {
  get(name: string): string | null;
}

/** A reader over a plain header record (next-auth's authorize() request). */
export function recordHeaders(record: Record<string, string | string[] | undefined>): HeaderReader {
  return {
    get(name) {
      const value = record[name.toLowerCase()];
      return Array.isArray(value) ? value.join(',') : (value ?? null);
    },
  };
}

let cached: { source: string | undefined; ranges: AddressRange[] } | undefined;

export function trustedProxies(): AddressRange[] {
  const source = serverEnv().trustedProxies;
  if (!cached || cached.source !== source) cached = { source, ranges: parseTrustedProxies(source) };
  return cached.ranges;
}

/** The token the hook (same process, shared through globalThis) prefixes its header with. */
export const PEER_TOKEN_KEY = Symbol.for('zhuashou.peer-address-token');

function hookedPeer(headers: HeaderReader): string | null {
  const token = (globalThis as { [PEER_TOKEN_KEY]?: string })[PEER_TOKEN_KEY];
  const value = headers.get(PEER_HEADER);
  // Believed only when this process's hook wrote it: a client cannot know the token.
  if (!token || !value?.startsWith(`${token} `)) return null;
  return value.slice(token.length + 1) || null;
}

export function peerAddressOf(headers: HeaderReader): string | null {
  const hooked = hookedPeer(headers);
  if (hooked) return hooked;
  const hops = headers.get('x-forwarded-for')?.split(',') ?? [];
  return hops[hops.length - 1]?.trim() || null;
}

/** The client's address as the nearest trusted proxy saw it (what the throttle keys on and the audit log records). */
export function clientAddressOf(headers: HeaderReader): string {
  const peer = peerAddressOf(headers);
  const hooked = hookedPeer(headers) !== null;
  // Without the hook the peer *is* the last X-Forwarded-For entry: do not count it twice.
  const forwarded = headers.get('x-forwarded-for');
  const rest = hooked ? forwarded : (forwarded?.split(',').slice(0, -1).join(',') ?? null);
  return resolveClientAddress({ forwardedFor: rest, peer, trusted: trustedProxies() });
}

export function isFromTrustedProxy(headers: HeaderReader): boolean {
  return isPeerTrusted(peerAddressOf(headers), trustedProxies());
}

/** Whether the browser reached the app over HTTPS, as a trusted proxy says (HSTS, Secure cookies). */
export function isSecureRequest(headers: HeaderReader): boolean {
  return isFromTrustedProxy(headers) && headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** The app's own origin: APP_ORIGIN when set, else Host / X-Forwarded-Host / -Proto through trusted proxies. */
export function appOriginOf(headers: HeaderReader): string | null {
  return resolveAppOrigin({
    configured: serverEnv().appOrigin,
    host: headers.get('host'),
    forwardedHost: headers.get('x-forwarded-host'),
    forwardedProto: headers.get('x-forwarded-proto'),
    peerTrusted: isFromTrustedProxy(headers),
  });
}
