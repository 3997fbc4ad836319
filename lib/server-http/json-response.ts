/**
 * The JSON answer of a route handler. A value served from the read model is the same object for every reader
 * until the data changes, so its JSON is made once and kept beside it as UTF-8 bytes (a WeakMap: they go when
 * the value goes). At city scale an area's answer is ~300 indicators, 260 KB of mostly Chinese text: serialising
 * it per request cost more than the rest of the request, and so did encoding the string to UTF-8 again (a
 * two-byte string is checked for lone surrogates, then transcoded, on every answer). (Compression stays with the
 * server: Next drops a handler's own Content-Encoding.)
 */
import { NextResponse } from 'next/server';
import { isSharedValue } from '@/lib/services/dashboards/read-model';

const encoded = new WeakMap<object, Uint8Array<ArrayBuffer>>();
const utf8 = new TextEncoder();

export function jsonResponse(result: unknown): NextResponse {
  if (!isSharedValue(result)) return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
  let bytes = encoded.get(result);
  if (bytes === undefined) encoded.set(result, (bytes = utf8.encode(JSON.stringify(result))));
  return new NextResponse(bytes, {
    headers: {
      'Cache-Control': 'no-store',
      'Content-Type': 'application/json',
      'Content-Length': String(bytes.length),
    },
  });
}
