/**
 * The JSON answer of a route handler. A value served from the read model is the same object for every reader
 * until the data changes, so its JSON is made once and kept beside it (a WeakMap: it goes when the value
 * goes). At city scale an area's answer is ~300 indicators: serialising it per request cost more than the
 * rest of the request. (Compression stays with the server: Next drops a handler's own Content-Encoding.)
 */
import { NextResponse } from 'next/server';
import { isSharedValue } from '@/lib/services/dashboards/read-model';

const serialised = new WeakMap<object, string>();

export function jsonResponse(result: unknown): NextResponse {
  if (!isSharedValue(result)) return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
  let json = serialised.get(result);
  if (json === undefined) serialised.set(result, (json = JSON.stringify(result)));
  return new NextResponse(json, { headers: { 'Cache-Control': 'no-store', 'Content-Type': 'application/json' } });
}
