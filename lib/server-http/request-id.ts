/**
 * The id that ties one request's log line to the proxy's access log: a client's (or nginx's `$request_id`)
 * X-Request-Id when it is a plain token, otherwise a new UUID. Anything else a client sends is not echoed back.
 */
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';
const PLAIN_TOKEN = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the given header when it is 1–128 of [A-Za-z0-9._:-], else a fresh UUID. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && PLAIN_TOKEN.test(header) ? header : randomUUID();
}
