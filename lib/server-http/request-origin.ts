/**
 * Cross-site request refusal (CSRF): a state-changing request must come from the app's own pages. Browsers send
 * `Origin` on every POST/PUT/PATCH/DELETE (and `Sec-Fetch-Site` on secure contexts); a form or script on
 * another origin — a sibling subdomain or another port on the same host included — sends its own origin.
 *
 * Neither header present: refused. Every browser this app supports sends Origin on such requests, so only a
 * non-browser client (a script, curl, a test) sends neither, and it can name the app's origin itself
 * (`Origin: https://zhuashou.example`); refusing keeps old or unusual browsers from being the hole. Pure.
 */

export type OriginRefusal = 'foreign_origin' | 'cross_site' | 'no_origin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin of a URL-ish string ("https://a.b:443" → "https://a.b"), or null when it is not http(s). */
export function canonicalOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export interface AppOriginFacts {
  /** APP_ORIGIN when the operator set it: then it alone is the app's origin. */
  configured?: string | undefined;
  host: string | null;
  forwardedHost: string | null;
  forwardedProto: string | null;
  /** Whether the direct peer is a trusted proxy, whose X-Forwarded-Host/-Proto may be believed. */
  peerTrusted: boolean;
}

/** The app's own origin as the browser sees it; null when it cannot be told (no Host). */
export function resolveAppOrigin(facts: AppOriginFacts): string | null {
  if (facts.configured) return canonicalOrigin(facts.configured);
  const first = (value: string | null) => value?.split(',')[0]?.trim() || null;
  const host = (facts.peerTrusted ? first(facts.forwardedHost) : null) ?? first(facts.host);
  if (!host) return null;
  const proto = facts.peerTrusted && first(facts.forwardedProto) === 'https' ? 'https' : 'http';
  return canonicalOrigin(`${proto}://${host}`);
}

export interface OriginFacts {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  appOrigin: string | null;
}

/** Why a request must be refused as cross-site, or null when it may proceed. */
export function checkRequestOrigin({ method, origin, secFetchSite, appOrigin }: OriginFacts): OriginRefusal | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (origin !== null) {
    const given = canonicalOrigin(origin);
    return given !== null && appOrigin !== null && given === appOrigin ? null : 'foreign_origin';
  }
  if (secFetchSite !== null) return secFetchSite === 'same-origin' ? null : 'cross_site';
  return 'no_origin';
}

/** The Chinese message a refused request answers with. */
export const ORIGIN_REFUSED_MESSAGE =
  '请求来源与本系统不一致，已拒绝（跨站请求防护）。请在本系统页面内操作；脚本调用请携带本系统的 Origin 请求头。';
