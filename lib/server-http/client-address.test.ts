import { describe, expect, it } from 'vitest';
import { isTrustedAddress, normalizeAddress, parseTrustedProxies, resolveClientAddress } from './client-address';

const loopback = parseTrustedProxies(undefined);
const withLb = parseTrustedProxies('127.0.0.1, 10.0.0.0/8, fd00::/8');

describe('resolveClientAddress', () => {
  it('ignores a spoofed first entry: the address the nearest trusted proxy saw wins', () => {
    // The client wrote "1.1.1.1"; nginx on loopback appended the real peer 203.0.113.9.
    expect(resolveClientAddress({ forwardedFor: '1.1.1.1, 203.0.113.9', peer: '127.0.0.1', trusted: loopback })).toBe(
      '203.0.113.9',
    );
  });

  it('rotating the first entry does not change the address (the throttle key)', () => {
    const a = resolveClientAddress({ forwardedFor: '9.9.9.1, 203.0.113.9', peer: '127.0.0.1', trusted: loopback });
    const b = resolveClientAddress({ forwardedFor: '9.9.9.2, 203.0.113.9', peer: '127.0.0.1', trusted: loopback });
    expect(a).toBe(b);
  });

  it('walks a chain of trusted proxies from the right', () => {
    expect(
      resolveClientAddress({ forwardedFor: '6.6.6.6, 198.51.100.7, 10.1.2.3', peer: '127.0.0.1', trusted: withLb }),
    ).toBe('198.51.100.7');
  });

  it('ignores the header when the direct peer is not a trusted proxy', () => {
    expect(resolveClientAddress({ forwardedFor: '1.1.1.1', peer: '198.51.100.20', trusted: loopback })).toBe(
      '198.51.100.20',
    );
  });

  it('handles IPv6 peers, hops and IPv4-mapped addresses', () => {
    expect(
      resolveClientAddress({ forwardedFor: '2001:db8::5, fd00::1', peer: '::1', trusted: withLb.concat(loopback) }),
    ).toBe('2001:db8::5');
    expect(resolveClientAddress({ forwardedFor: null, peer: '::ffff:198.51.100.4', trusted: loopback })).toBe(
      '198.51.100.4',
    );
    expect(
      resolveClientAddress({ forwardedFor: '[2001:db8::9]:4431', peer: '::ffff:127.0.0.1', trusted: loopback }),
    ).toBe('2001:db8::9');
  });

  it('without a header, the peer itself (a local client stays local, not a shared bucket)', () => {
    expect(resolveClientAddress({ forwardedFor: null, peer: '127.0.0.1', trusted: loopback })).toBe('127.0.0.1');
    expect(resolveClientAddress({ forwardedFor: null, peer: '203.0.113.50', trusted: loopback })).toBe('203.0.113.50');
    expect(resolveClientAddress({ forwardedFor: null, peer: null, trusted: loopback })).toBe('unknown');
  });

  it('stops at the proxy when a trusted hop wrote something that is not an address', () => {
    expect(resolveClientAddress({ forwardedFor: 'evil, <script>', peer: '127.0.0.1', trusted: loopback })).toBe(
      '127.0.0.1',
    );
  });
});

describe('parseTrustedProxies / isTrustedAddress', () => {
  it('defaults to loopback and matches CIDR ranges of both families', () => {
    expect(isTrustedAddress('127.8.9.1', loopback)).toBe(true);
    expect(isTrustedAddress('::1', loopback)).toBe(true);
    expect(isTrustedAddress('128.0.0.1', loopback)).toBe(false);
    expect(isTrustedAddress('fd12:3456::1', withLb)).toBe(true);
    expect(isTrustedAddress('fe80::1', withLb)).toBe(false);
  });

  it('refuses an entry that is not an address', () => {
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies('proxy.local')).toThrow(/TRUSTED_PROXIES/);
  });

  it('normalizes what proxies write', () => {
    expect(normalizeAddress(' 1.2.3.4:8080 ')).toBe('1.2.3.4');
    expect(normalizeAddress('::FFFF:10.0.0.1')).toBe('10.0.0.1');
    expect(normalizeAddress('1.2.3.256')).toBeNull();
    expect(normalizeAddress('::1.2.3.4')).toBe('::1.2.3.4');
  });
});
