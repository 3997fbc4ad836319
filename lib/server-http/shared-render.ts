/**
 * A page rendered once and served to every reader of the same scope (the overview: lib/server-http/overview-cache.ts).
 *
 * Three things in a rendering differ from one request to the next even within one scope: the reader's display name
 * (the header), the Content-Security-Policy nonce on its scripts, and the time its prefetched data is stamped with
 * (React Query's dataUpdatedAt, which decides when the browser asks again). The shared rendering is made with
 * stand-ins for the three — random per process, so no page text can contain them by chance — and each response
 * puts the request's own values in their place.
 *
 * The page learns that it renders the shared copy from SHARED_RENDER_HEADER carrying this process's token: only
 * proxy.ts sets it (it removes the header from every request it did not make itself), and the page believes it
 * only with the token, which no client can know.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { processWide } from '@/lib/process-wide';
import type { HeaderReader } from './request-facts';

export const SHARED_RENDER_HEADER = 'x-zhuashou-shared-render';

export interface StandIns {
  /** What SHARED_RENDER_HEADER carries on a shared render. */
  token: string;
  /** Written where the reader's display name goes: letters and digits, the same in HTML, JSON and script text. */
  name: string;
  /** The nonce of the shared render's scripts (base64, as a real one). */
  nonce: string;
  /** The time (ms) the shared render stamps its data with: 13 digits, as Date.now() until the year 2286. */
  stamp: number;
}

/** This process's stand-ins (process-wide: the proxy and the pages are bundled apart). */
export function standIns(): StandIns {
  return processWide('zhuashou.shared-render-stand-ins', () => ({
    token: randomBytes(16).toString('hex'),
    name: `zsname${randomBytes(8).toString('hex')}`,
    nonce: randomBytes(16).toString('base64'),
    stamp: 9_000_000_000_000 + randomInt(0, 1_000_000_000_000), // below 10^13: always 13 digits
  }));
}

/** The stand-ins when this request is the proxy's shared render, else null. */
export function sharedRenderOf(headers: HeaderReader): StandIns | null {
  const own = standIns();
  return headers.get(SHARED_RENDER_HEADER) === own.token ? own : null;
}

/**
 * True when `name` is written byte for byte the same in HTML text and attributes (React escapes & < > " '), in
 * JSON strings (" \ and control characters), in Next's inline scripts (& < > U+2028 U+2029) and in React's flight
 * data (a string starting with $ is escaped): only then can it replace the name's stand-in in a shared rendering.
 * Readers with any other name get their page rendered for them alone.
 */
export function isSubstitutableName(name: string): boolean {
  return name.length > 0 && !/[&<>"'\\$\u0000-\u001f\u007f\u2028\u2029]|\p{Cs}/u.test(name);
}

/** Everything a shared rendering of the overview depends on, besides the stand-ins (overview-cache.ts says why each). */
export interface RenderFacts {
  dataVersion: number;
  /** The Shanghai day (lib/domain/period shanghaiDayNumber). */
  day: number;
  secure: boolean;
  /** Next's classification of the client ('dom' or 'html' bots), or 'browser'. */
  client: string;
  role: string;
  departmentId: number | null;
  unitId: number | null;
  mfaOffNotice: boolean;
  /** The query string as requested, with its '?'. */
  search: string;
}

/** The key of a shared rendering: two requests share one only when every fact is the same. */
export function renderKey(facts: RenderFacts): string {
  return JSON.stringify([
    facts.dataVersion,
    facts.day,
    facts.secure,
    facts.client,
    facts.role,
    facts.departmentId,
    facts.unitId,
    facts.mfaOffNotice,
    facts.search,
  ]);
}

export type Slot = 'name' | 'nonce' | 'stamp';

/** A rendering cut at its stand-ins: `parts` has one more element than `slots`. */
export interface Template {
  parts: string[];
  slots: Slot[];
  /** How often each stand-in occurs. */
  counts: Record<Slot, number>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Cuts a shared rendering at every occurrence of the stand-ins, once, so each response is a join. */
export function compileTemplate(body: string, stand: Pick<StandIns, Slot>): Template {
  const bySource = new Map<string, Slot>([
    [stand.name, 'name'],
    [stand.nonce, 'nonce'],
    [String(stand.stamp), 'stamp'],
  ]);
  const pattern = new RegExp([...bySource.keys()].map(escapeRegExp).join('|'), 'g');
  const parts: string[] = [];
  const slots: Slot[] = [];
  const counts: Record<Slot, number> = { name: 0, nonce: 0, stamp: 0 };
  let from = 0;
  for (const match of body.matchAll(pattern)) {
    const slot = bySource.get(match[0]);
    if (!slot) continue;
    parts.push(body.slice(from, match.index));
    slots.push(slot);
    counts[slot] += 1;
    from = match.index + match[0].length;
  }
  parts.push(body.slice(from));
  return { parts, slots, counts };
}

/** The rendering with this request's values in place of the stand-ins. */
export function fillTemplate(template: Template, values: Record<Slot, string>): string {
  let out = template.parts[0] ?? '';
  for (let i = 0; i < template.slots.length; i += 1) {
    const slot = template.slots[i];
    out += (slot ? values[slot] : '') + (template.parts[i + 1] ?? '');
  }
  return out;
}

/** The overview for one request from its scope's shared rendering, as overview-cache.ts serves it. */
export interface SharedOverview {
  body: string;
  headers: [string, string][];
  outcome: 'hit' | 'miss';
}

type SharedOverviewServer = (request: NextRequest, nonce: string, secure: boolean) => Promise<SharedOverview | null>;

const SERVER = Symbol.for('zhuashou.shared-overview');

/**
 * Made available by instrumentation.ts (overview-cache.ts installSharedOverview) rather than imported by proxy.ts:
 * the proxy is bundled on its own, and importing the session check and the database from it put a second copy of
 * them (800 KB of JavaScript, ~10 MB resident) into every server. The instrumentation bundle has them already.
 */
export function provideSharedOverview(server: SharedOverviewServer): void {
  (globalThis as { [SERVER]?: SharedOverviewServer })[SERVER] = server;
}

/** The overview from its shared rendering, or null: not installed (next dev without instrumentation) or not served. */
export function sharedOverview(request: NextRequest, nonce: string, secure: boolean): Promise<SharedOverview | null> {
  const server = (globalThis as { [SERVER]?: SharedOverviewServer })[SERVER];
  return server ? server(request, nonce, secure) : Promise.resolve(null);
}
