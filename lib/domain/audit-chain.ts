/** Canonical serialisation and hashing of audit events: the tamper-evident chain's one definition. */
import { createHash } from 'node:crypto';

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
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value);
}

/** SHA-256 (hex) over the canonical event followed by the previous event's hash. */
export function hashEvent(content: ChainedEventContent, prevHash: string): string {
  const body = canonicalJson({ ...content, prevHash });
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/** Makes a value JSON-safe the way jsonb will return it (Dates to ISO strings, undefined dropped). */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}
