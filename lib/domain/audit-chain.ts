/** Canonical serialisation and hashing of audit events: the tamper-evident chain's one definition. */
import { hash } from 'node:crypto';

/** The hash of the (virtual) event before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEventContent {
  occurredAt: string; // ISO 8601 with milliseconds, UTC
  actorId: number | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  departmentId: number | null;
  indicatorId: number | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  clientAddress: string | null;
}

/** JSON with object keys sorted recursively, so a jsonb round trip (which reorders keys) hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    // Plain loops, no intermediate arrays of entries: a verify walks a million events through here.
    const record = value as Record<string, unknown>;
    // The default sort compares UTF-16 code units, as < does, without a comparator call per pair.
    const keys = Object.keys(record).sort();
    let out = '{';
    let first = true;
    for (const key of keys) {
      const item = record[key];
      if (item === undefined) continue;
      out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
      first = false;
    }
    return `${out}}`;
  }
  return JSON.stringify(value);
}

/** The hashed fields in canonical (sorted) order, each with its JSON key; must name every field of ChainedEventContent. */
const HASHED_KEYS = [
  'action',
  'actorId',
  'actorRole',
  'actorUsername',
  'after',
  'before',
  'clientAddress',
  'departmentId',
  'entityId',
  'entityType',
  'indicatorId',
  'occurredAt',
  'prevHash',
  'reason',
] as const satisfies readonly (keyof ChainedEventContent | 'prevHash')[];
type Unlisted = Exclude<keyof ChainedEventContent, (typeof HASHED_KEYS)[number]>;
const everyFieldListed: Unlisted extends never ? true : false = true;
void everyFieldListed;
const QUOTED_KEYS = HASHED_KEYS.map((key) => JSON.stringify(key));

/**
 * The canonical JSON of an event with its previous hash: exactly canonicalJson({ ...content, prevHash }), with
 * the top level's (fixed, sorted) keys written directly — a verify of a million events spends its time here.
 */
export function canonicalEventJson(content: ChainedEventContent, prevHash: string): string {
  const record: Record<string, unknown> = content as unknown as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (let i = 0; i < HASHED_KEYS.length; i += 1) {
    const key = HASHED_KEYS[i] as string;
    const value = key === 'prevHash' ? prevHash : record[key];
    if (value === undefined) continue;
    out += `${first ? '' : ','}${QUOTED_KEYS[i]}:${canonicalJson(value)}`;
    first = false;
  }
  return `${out}}`;
}

/** SHA-256 (hex) over the canonical event followed by the previous event's hash. */
export function hashEvent(content: ChainedEventContent, prevHash: string): string {
  // The one-shot hash (a string is hashed as UTF-8): half the cost of a Hash object per event.
  return hash('sha256', canonicalEventJson(content, prevHash), 'hex');
}

/** Makes a value JSON-safe the way jsonb will return it (Dates to ISO strings, undefined dropped). */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}
