/**
 * The overview (GET /), rendered once per scope and served from memory to every reader of that scope.
 *
 * Leaders open the overview at the same hour every morning, and its rendering (React's flight and HTML, ~70 KB)
 * is the same for every reader who shares its inputs. Those inputs are all in the key: the data version (every
 * write moves it), the Shanghai day (statuses change at midnight), the query string (the period), the reader's
 * role (their permissions choose the links), department and unit (their scope), whether the page says MFA is off,
 * whether the connection is HTTPS, and whether the client is a bot (Next renders bots their metadata differently).
 * Auditors are not served from it: their page carries their own alerts.
 *
 * On a hit nothing is rendered: the reader's session is checked as every page checks it (sessionUserOf: the user
 * re-read from the database, the session version, the lifetime; the same redirect cases are left to the page),
 * the data version is probed, and the stored rendering goes out with the reader's name, a fresh nonce and the
 * current time in place of the stand-ins (lib/server-http/shared-render.ts).
 *
 * On a miss the page renders itself: the proxy asks this server for GET / over loopback, with the reader's
 * session and the shared-render header, and keeps the answer when it is a complete 200 page made with the
 * stand-ins. Concurrent misses of one key wait for one render. Anything unexpected (the render fails, redirects,
 * a name that cannot be substituted) leaves the request to Next as before.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getBotType } from 'next/dist/shared/lib/router/utils/is-bot';
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { can } from '@/lib/domain/permissions';
import { shanghaiDayNumber } from '@/lib/domain/period';
import { serverEnv } from '@/lib/env';
import { readDataVersion } from '@/lib/services/dashboards/read-model';
import { mfaOffNoticeFor } from '@/lib/session/mfa-policy';
import { sessionUserOf, type SessionUser } from '@/lib/session/session';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, sessionClaimsOf, sessionCookieName } from '@/lib/session/session-token';
import { servedServers } from './peer-address-hook';
import { clientAddressOf } from './request-facts';
import {
  compileTemplate,
  fillTemplate,
  isSubstitutableName,
  provideSharedOverview,
  renderKey,
  SHARED_RENDER_HEADER,
  standIns,
  type SharedOverview,
  type Template,
} from './shared-render';

/** Renderings kept: a leader flips through a few periods; each scope and period is one entry of ~70 KB. */
const MAX_ENTRIES = 64;
const RENDER_TIMEOUT_MS = 15_000;

/** Response headers of the render that are not the page's own (the proxy sets CSP and HSTS per request). */
const NOT_KEPT = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'date',
  'etag',
  'set-cookie',
  'content-security-policy',
  'strict-transport-security',
]);

interface Entry {
  version: number;
  template: Template;
  /** The page's response headers, cut like the page (its CSS preload, Link, carries the nonce). */
  headers: [string, Template][];
}

const entries = new Map<string, Entry>();
const rendering = new Map<string, Promise<Entry | null>>();

/** Lets proxy.ts serve the overview from here (shared-render.ts sharedOverview says why not by import). */
export function installSharedOverview(): void {
  provideSharedOverview(serveSharedOverview);
}

/** Whether this request asks for the overview's document (not its flight data, a prefetch or a server action). */
export function isOverviewDocumentRequest(request: NextRequest): boolean {
  if (request.method !== 'GET' || request.nextUrl.pathname !== '/') return false;
  if (request.nextUrl.searchParams.has('_rsc')) return false;
  const h = request.headers;
  return !h.has('rsc') && !h.has('next-router-prefetch') && !h.has('next-router-state-tree') && !h.has('next-action');
}

/**
 * The overview for this request from the shared rendering of its reader's scope, or null when the request is
 * left to Next (not the overview's document, no valid session, an auditor, a name that cannot be substituted,
 * or the render did not give a page to keep).
 */
async function serveSharedOverview(
  request: NextRequest,
  nonce: string,
  secure: boolean,
): Promise<SharedOverview | null> {
  const env = serverEnv();
  if (!env.overviewCache || env.development || !isOverviewDocumentRequest(request)) return null;
  const token = request.cookies.get(sessionCookieName(secure))?.value;
  if (!token) return null;
  const reader = await readerOf(token, request);
  if (!reader) return null;
  const version = await readDataVersion(await getDb());
  const key = renderKey({
    dataVersion: version,
    day: shanghaiDayNumber(new Date()),
    secure,
    client: getBotType(request.headers.get('user-agent') ?? '') ?? 'browser',
    role: reader.role,
    departmentId: reader.departmentId,
    unitId: reader.unitId ?? null,
    mfaOffNotice: mfaOffNoticeFor(reader),
    search: request.nextUrl.search,
  });
  let entry = entries.get(key);
  let outcome: SharedOverview['outcome'] = 'hit';
  if (entry) {
    entries.delete(key);
    entries.set(key, entry);
  } else {
    outcome = 'miss';
    entry = (await renderOnce(key, version, request, token)) ?? undefined;
    if (!entry) return null;
  }
  const values = { name: reader.displayName, nonce, stamp: String(Date.now()) };
  const headers = entry.headers.map(([name, value]): [string, string] => [name, fillTemplate(value, values)]);
  return { body: fillTemplate(entry.template, values), headers, outcome };
}

/** The reader the session cookie stands for, when the overview may be served to them from the shared rendering. */
async function readerOf(token: string, request: NextRequest): Promise<SessionUser | null> {
  const user = await sessionUserOf(await sessionClaimsOf(token), clientAddressOf(request.headers));
  // The page redirects these (forced password change, TOTP enrolment); auditors see their own alerts.
  if (!user || user.mustChangePassword || user.mustEnrollTotp || can(user, 'audit.view')) return null;
  return isSubstitutableName(user.displayName) ? user : null;
}

function renderOnce(key: string, version: number, request: NextRequest, token: string): Promise<Entry | null> {
  const running = rendering.get(key);
  if (running) return running;
  const started = renderShared(version, request, token)
    .then((entry) => {
      if (entry) keep(key, entry);
      return entry;
    })
    .catch(() => null)
    .finally(() => rendering.delete(key));
  rendering.set(key, started);
  return started;
}

function keep(key: string, entry: Entry): void {
  // A newer data version makes every older rendering unreachable: drop them rather than wait for the bound.
  for (const [held, value] of entries) if (value.version < entry.version) entries.delete(held);
  entries.set(key, entry);
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}

/** This process's own listening address (the server that received the request being served). */
function ownAddress(): { host: string; port: number } | null {
  for (const server of servedServers()) {
    const address = server.address() as AddressInfo | string | null;
    if (!address || typeof address === 'string') continue;
    const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
    return { host, port: address.port };
  }
  return null;
}

/** GET / from this server with the stand-ins, as a template; null when the answer is not a page to keep. */
async function renderShared(version: number, request: NextRequest, token: string): Promise<Entry | null> {
  const address = ownAddress();
  if (!address) return null;
  const stand = standIns();
  const answer = await fetchLocal(address, `/${request.nextUrl.search}`, {
    host: request.headers.get('host') ?? `${address.host}:${address.port}`,
    'user-agent': request.headers.get('user-agent') ?? '',
    accept: 'text/html',
    // Under both names: the render decides from its own (loopback) request which one next-auth reads.
    cookie: `${SESSION_COOKIE}=${token}; ${SECURE_SESSION_COOKIE}=${token}`,
    [SHARED_RENDER_HEADER]: stand.token,
  });
  if (!answer || answer.status !== 200 || answer.headers['set-cookie']) return null;
  if (!String(answer.headers['content-type'] ?? '').startsWith('text/html')) return null;
  const template = compileTemplate(answer.body, stand);
  // Made with the stand-ins, or not kept: a page with a real name or nonce in it is one reader's page.
  if (template.counts.name === 0 || template.counts.nonce === 0) return null;
  const headers: [string, Template][] = [];
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined || NOT_KEPT.has(name) || name.startsWith('x-zhuashou')) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.push([name, compileTemplate(one, stand)]);
  }
  return { version, template, headers };
}

interface LocalAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function fetchLocal(
  address: { host: string; port: number },
  path: string,
  headers: Record<string, string>,
): Promise<LocalAnswer | null> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: address.host, port: address.port, path, method: 'GET', headers, timeout: RENDER_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', () => resolve(null));
        res.on('close', () => {
          if (!res.complete) resolve(null);
        });
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
    req.end();
  });
}
