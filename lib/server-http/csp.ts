/**
 * The Content-Security-Policy of pages and of API answers. Pure: the nonce and the mode are passed in.
 *
 * Scripts: only those carrying this response's nonce (Next puts it on its own scripts, read from the request's
 * CSP header that proxy.ts sets), and what they load ('strict-dynamic'); never inline or eval — except that
 * `next dev` needs eval for its fast refresh, so development alone gets 'unsafe-eval'.
 */

export interface PageCspOptions {
  nonce: string;
  development: boolean;
  /** Reached over HTTPS (through a trusted proxy): sub-resources are upgraded too. */
  secure: boolean;
}

export function pageCsp({ nonce, development, secure }: PageCspOptions): string {
  const directives = [
    "default-src 'self'",
    // 'self' is for CSP level 2 browsers; level 3 ones ignore it in favour of the nonce and 'strict-dynamic'.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // recharts (and React's style={…}) write inline style attributes, which only 'unsafe-inline' allows; a
    // style cannot run code, and script-src above stays strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(secure ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** API answers are data, never documents to render: nothing may load from them, nor frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** HSTS, sent only when the request came over HTTPS through a trusted proxy. No includeSubDomains: sibling hosts of a government domain are not ours to bind. */
export const HSTS_VALUE = 'max-age=31536000';
