/**
 * Where to go after sign-in: a callbackUrl is resolved against the app's origin the way a browser would
 * (so "/\evil.com", a tab or other control characters cannot smuggle in another host) and kept only when the
 * origin stays the same; what is returned is the normalized path, never the raw string. Pure.
 */
export function safeCallbackPath(raw: string | null | undefined, appOrigin: string): string {
  if (!raw) return '/';
  let url: URL;
  try {
    url = new URL(raw, appOrigin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(appOrigin).origin) return '/';
  // "/.//evil.com" resolves to the path "//evil.com", which a browser would read as a host again.
  const path = url.pathname.replace(/^[/\\]+/, '/');
  return `${path}${url.search}${url.hash}`;
}
