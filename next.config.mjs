// @ts-check
// JavaScript, not TypeScript: `next start` compiles a next.config.ts with SWC at every start, which loads its
// 25 MB native module into the server for good. API_CSP is lib/server-http/csp.ts's (its test checks they agree).
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM + data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'exceljs', 'pino'],
  poweredByHeader: false,
  // The offline release (npm run release) ships Next's standalone server: a traced, minimal node_modules and
  // server.js. Only that build asks for it, so `next start` (npm start, e2e, reliability) never sees the
  // configuration it warns about.
  // next/image is not used: its optional image library (sharp, ~20 MB of native code) stays out of the release.
  ...(process.env.ZHUASHOU_STANDALONE === '1'
    ? {
        output: 'standalone',
        outputFileTracingExcludes: { '*': ['node_modules/sharp/**', 'node_modules/@img/**'] },
      }
    : {}),
  // Compression is the reverse proxy's job (it also terminates TLS; the app is never exposed directly, see the
  // README). Next's own gzip stalled a 250 KB API answer by ~40 ms one time in twenty and costs the server CPU
  // on every page; nginx does it better (gzip on).
  compress: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before it builds; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    // Pages get their Content-Security-Policy (with a per-request nonce) from proxy.ts.
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CSP }] },
    ];
  },
};

export default nextConfig;
