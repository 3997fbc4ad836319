/**
 * File downloads from route handlers: a Chinese file name that every browser keeps (RFC 6266 / 5987), never
 * cached, and sent as the bytes whose SHA-256 the export's audit event records: `no-transform` keeps the
 * server's compression (and any proxy's) off them. Compressing a million-row CSV (≈ 480 MB) on the fly took
 * one of the server's two cores for seconds; XLSX is compressed already.
 */

/** `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded name>`. */
export function contentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot) : '';
  const asciiStem = fileName
    .slice(0, dot > 0 ? dot : undefined)
    .replace(/[^A-Za-z0-9._-]+/g, '')
    .replace(/^[._-]+/, '');
  const fallback = `${asciiStem || 'export'}${extension.replace(/[^A-Za-z0-9.]/g, '')}`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** `sha256` (hex), when the file's hash is known before it is sent (a stored file), goes out as X-Content-SHA256. */
export function downloadResponse(
  body: ReadableStream<Uint8Array> | string | Uint8Array,
  fileName: string,
  contentType: string,
  sha256?: string,
): Response {
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Content-Disposition': contentDisposition(fileName),
    'Cache-Control': 'no-store, no-transform',
    'X-Content-Type-Options': 'nosniff',
  };
  if (sha256) headers['X-Content-SHA256'] = sha256;
  if (body instanceof Uint8Array) headers['Content-Length'] = String(body.byteLength);
  return new Response(body instanceof Uint8Array ? new Uint8Array(body) : body, { headers });
}

/** The query string as a plain object (the service's zod schema decides what each value may be). */
export function searchObject(params: URLSearchParams, omit: readonly string[] = []): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of params) if (!omit.includes(key)) result[key] = value;
  return result;
}

/** ?check=1: answer the row count (or the refusal) as JSON instead of starting the download. */
export function isCheckOnly(params: URLSearchParams): boolean {
  return params.get('check') === '1';
}
