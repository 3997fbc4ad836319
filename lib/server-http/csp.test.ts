import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_CSP, pageCsp } from './csp';

function directive(csp: string, name: string): string[] {
  const found = csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name);
  return found ? found.slice(1) : [];
}

describe('pageCsp', () => {
  const csp = pageCsp({ nonce: 'abc123', development: false, secure: false });

  it('allows scripts only by nonce with strict-dynamic: no inline, no eval', () => {
    const scripts = directive(csp, 'script-src');
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });

  it('locks plugins, base, forms, framing, connections and images', () => {
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    expect(directive(csp, 'base-uri')).toEqual(["'self'"]);
    expect(directive(csp, 'form-action')).toEqual(["'self'"]);
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(csp, 'connect-src')).toEqual(["'self'"]);
    expect(directive(csp, 'img-src')).toEqual(["'self'", 'data:']);
  });

  it("gives 'unsafe-eval' to next dev only, and upgrades requests over HTTPS", () => {
    expect(directive(pageCsp({ nonce: 'n', development: true, secure: false }), 'script-src')).toContain(
      "'unsafe-eval'",
    );
    expect(pageCsp({ nonce: 'n', development: false, secure: true })).toContain('upgrade-insecure-requests');
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('API answers load nothing and cannot be framed', () => {
    expect(directive(API_CSP, 'default-src')).toEqual(["'none'"]);
    expect(directive(API_CSP, 'frame-ancestors')).toEqual(["'none'"]);
  });

  it('next.config.mjs sends API_CSP on every API answer', async () => {
    // The configuration is JavaScript (see its head): imported by URL, as Next reads it.
    const configUrl = pathToFileURL(path.resolve('next.config.mjs')).href;
    const config = (await import(configUrl)) as {
      default: { headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> };
    };
    const api = (await config.default.headers()).find((rule) => rule.source === '/api/:path*');
    expect(api?.headers).toContainEqual({ key: 'Content-Security-Policy', value: API_CSP });
  });
});
