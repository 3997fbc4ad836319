/**
 * The dashboards' read model: every indicator's view at a period, computed once and then served from memory
 * for as long as nothing changed. Computing it reads ~50,000 figures and builds 2,000 snapshots (hundreds of
 * milliseconds at city scale); serving it costs one index probe.
 *
 * What "nothing changed" means: every write to the data appends an audit event in its own transaction (one
 * write path), and appendAuditEvent bumps the data version (db/queries/data-version.ts) in that transaction
 * when the action changes data — not for sign-ins, refused requests or exports, so that a flood of failed
 * sign-ins cannot empty the cache. Appends are serialised by the chain lock, so the version only grows, in
 * commit order. Each read first asks the database for it (so several app instances on one PostgreSQL stay
 * consistent) and recomputes when it moved. The version is read before the
 * data, so what is cached is never older than the version it is filed under. Status also depends on the
 * clock (a figure becomes overdue at a Shanghai midnight), so the Shanghai day is part of the key.
 *
 * Concurrent readers of the same period share one computation; a failed computation is not kept.
 *
 * Every value is filed under the scope of the figures it was computed from (db/queries/scope.ts `ScopeKey`),
 * stated by the caller next to its key: a computation that includes one department's drafts is never served
 * to a reader of another scope.
 */
import { getDataVersion } from '@/db/queries/data-version';
import type { Db } from '@/db/client';
import type { ScopeKey } from '@/db/queries/scope';
import { shanghaiDayNumber, type Period } from '@/lib/domain/period';

/**
 * Periods of the whole city kept at one version: the current one and two more (a leader comparing months). A period
 * of the benchmark city holds about 8.5 MB of live heap (its 2,000 views, the KPIs, the overview and its ranking);
 * six, as before, held 51 MB and made the server's peak (scripts/bench/README.md, session 16). A fourth period is
 * computed again when it is asked for (the first read of a period: a few hundred ms).
 */
export const CITY_PERIODS_KEPT = 3;
/** Entries kept per kind (the key up to its first ':') at one version; more of the small ones (one indicator's page). */
const CAPACITY: Record<string, number> = {
  area: 7 * CITY_PERIODS_KEPT,
  indicator: 300,
  'indicator-record': 300,
};

interface Generation {
  version: number;
  day: number;
  /** Per kind, in least-recently-used order. */
  kinds: Map<string, Map<string, Promise<unknown>>>;
}

const generations = new WeakMap<Db, Generation>();

/** Every value the read model has handed out: shared between readers, so never to be changed by one. */
const sharedValues = new WeakSet<object>();

/**
 * True for a value served from the read model: the same object for every reader of its version, so anything
 * derived from it alone (its JSON) can be derived once (lib/server-http/json-response.ts).
 */
export const isSharedValue = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && sharedValues.has(value);

/** The data version: bumped by every write that changes what the dashboards show (0 before the first). */
export async function readDataVersion(db: Db): Promise<number> {
  return getDataVersion(db);
}

export interface ReadModel {
  /**
   * The value under `key` in `scope` (what the computation reads of the figures; `no-figures` for a value
   * read from no figure), computed by `compute` unless this version and day already hold it.
   */
  get<T>(key: string, scope: ReadScope, compute: () => Promise<T>): Promise<T>;
}

/** The scope a read-model value is filed under. */
export type ReadScope = ScopeKey | 'no-figures';

/** The read model of `db` as of now: one version probe, then cached values keyed by what they describe. */
export async function openReadModel(db: Db, now: Date): Promise<ReadModel> {
  const version = await readDataVersion(db);
  const day = shanghaiDayNumber(now);
  let generation = generations.get(db);
  if (!generation || generation.version !== version || generation.day !== day) {
    // A newer version replaces the old one; an older one (a reader that probed before a write committed and
    // arrives late) computes for itself without disturbing the newer generation.
    if (!generation || version > generation.version || (version === generation.version && day !== generation.day)) {
      generation = { version, day, kinds: new Map() };
      generations.set(db, generation);
    } else {
      return { get: (_key, _scope, compute) => compute() };
    }
  }
  const kinds = generation.kinds;
  return {
    get<T>(name: string, scope: ReadScope, compute: () => Promise<T>): Promise<T> {
      const kind = name.includes(':') ? name.slice(0, name.indexOf(':')) : name;
      const key = `${name}|${scope}`;
      let values = kinds.get(kind);
      if (!values) kinds.set(kind, (values = new Map()));
      const held = values.get(key);
      if (held) {
        // Most recently used last, so the least recently used is the one dropped.
        values.delete(key);
        values.set(key, held);
        return held as Promise<T>;
      }
      const computed = compute().then((value) => {
        if (typeof value === 'object' && value !== null) sharedValues.add(value);
        return value;
      });
      const kept = values;
      kept.set(key, computed);
      computed.catch(() => {
        if (kept.get(key) === computed) kept.delete(key);
      });
      const capacity = CAPACITY[kind] ?? CITY_PERIODS_KEPT;
      while (kept.size > capacity) {
        const oldest = kept.keys().next().value;
        if (oldest === undefined) break;
        kept.delete(oldest);
      }
      return computed;
    },
  };
}

/** The cache key of a period. */
export const periodKey = (kind: string, period: Period) => `${kind}:${period.year}-${period.month}`;
