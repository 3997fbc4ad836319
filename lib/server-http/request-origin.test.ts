import { describe, expect, it } from 'vitest';
import { checkRequestOrigin, resolveAppOrigin } from './request-origin';

const app = 'http://127.0.0.1:3000';

describe('checkRequestOrigin', () => {
  it('refuses a form posted from another port or a sibling subdomain', () => {
    expect(
      checkRequestOrigin({
        method: 'POST',
        origin: 'http://127.0.0.1:8080',
        secFetchSite: 'same-site',
        appOrigin: app,
      }),
    ).toBe('foreign_origin');
    expect(
      checkRequestOrigin({
        method: 'DELETE',
        origin: 'https://evil.zhuashou.example',
        secFetchSite: null,
        appOrigin: 'https://zhuashou.example',
      }),
    ).toBe('foreign_origin');
    expect(checkRequestOrigin({ method: 'PUT', origin: 'null', secFetchSite: null, appOrigin: app })).toBe(
      'foreign_origin',
    );
  });

  it('falls back to Sec-Fetch-Site when there is no Origin, and refuses when neither is sent', () => {
    expect(
      checkRequestOrigin({ method: 'PATCH', origin: null, secFetchSite: 'same-origin', appOrigin: app }),
    ).toBeNull();
    expect(checkRequestOrigin({ method: 'PATCH', origin: null, secFetchSite: 'same-site', appOrigin: app })).toBe(
      'cross_site',
    );
    expect(checkRequestOrigin({ method: 'POST', origin: null, secFetchSite: null, appOrigin: app })).toBe('no_origin');
  });

  it("lets the app's own origin through (default port written or not) and never checks reads", () => {
    expect(
      checkRequestOrigin({
        method: 'POST',
        origin: 'http://127.0.0.1:3000',
        secFetchSite: 'same-origin',
        appOrigin: app,
      }),
    ).toBeNull();
    expect(
      checkRequestOrigin({
        method: 'POST',
        origin: 'https://zhuashou.example:443',
        secFetchSite: null,
        appOrigin: 'https://zhuashou.example',
      }),
    ).toBeNull();
    expect(
      checkRequestOrigin({ method: 'GET', origin: 'https://evil.example', secFetchSite: 'cross-site', appOrigin: app }),
    ).toBeNull();
  });
});

describe('resolveAppOrigin', () => {
  it('believes X-Forwarded-Host/-Proto only from a trusted proxy', () => {
    const facts = { host: '127.0.0.1:3000', forwardedHost: 'zhuashou.example', forwardedProto: 'https' };
    expect(resolveAppOrigin({ ...facts, peerTrusted: true })).toBe('https://zhuashou.example');
    expect(resolveAppOrigin({ ...facts, peerTrusted: false })).toBe('http://127.0.0.1:3000');
  });

  it('uses APP_ORIGIN alone when set', () => {
    expect(
      resolveAppOrigin({
        configured: 'https://kpi.example.gov.cn/',
        host: 'evil',
        forwardedHost: null,
        forwardedProto: null,
        peerTrusted: true,
      }),
    ).toBe('https://kpi.example.gov.cn');
  });
});
