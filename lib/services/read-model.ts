/**
 * The dashboards' read model: every indicator's view at a period, computed once and then served from memory
 * for as long as nothing changed. Computing it reads ~50,000 figures and builds 2,000 snapshots (hundreds of
 * milliseconds at city scale); serving it costs one index probe.
 *
 * What "nothing changed" means: every write to the data appends an audit event in its own transaction (one
 * write path), appends are serialised by the chain lock, so the newest audit event id is a version of all
 * the data that only grows, in commit order. Each read first asks the database for it (so several app
 * instances on one PostgreSQL stay consistent) and recomputes when it moved. The version is read before the
 * data, so what is cached is never older than the version it is filed under. Status also depends on the
 * clock (a figure becomes overdue at a Shanghai midnight), so the Shanghai day is part of the key.
 *
 * Concurrent readers of the same period share one computation; a failed computation is not kept.
 */
import { getChainHead } from '@/db/queries/audit';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/domain/actor';
import { shanghaiDayNumber, type Period } from '@/lib/domain/period';

/** Periods kept per database at one version (a leader flipping through months; the screen's latest month). */
const MAX_PERIODS = 12;

interface Generation {
  version: number;
  day: number;
  values: Map<string, Promise<unknown>>;
}

const generations = new WeakMap<Db, Generation>();

/** The data version: the newest audit event's id (0 for an empty log). */
export async function readDataVersion(db: Db, actor: Actor): Promise<number> {
  return (await getChainHead(db, { actor }))?.id ?? 0;
}

export interface ReadModel {
  /** The value under `key`, computed by `compute` unless this version and day already hold it. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/** The read model of `db` as of now: one version probe, then cached values keyed by what they describe. */
export async function openReadModel(db: Db, actor: Actor, now: Date): Promise<ReadModel> {
  const version = await readDataVersion(db, actor);
  const day = shanghaiDayNumber(now);
  let generation = generations.get(db);
  if (!generation || generation.version !== version || generation.day !== day) {
    // A newer version replaces the old one; an older one (a reader that probed before a write committed and
    // arrives late) computes for itself without disturbing the newer generation.
    if (!generation || version > generation.version || (version === generation.version && day !== generation.day)) {
      generation = { version, day, values: new Map() };
      generations.set(db, generation);
    } else {
      return { get: (_key, compute) => compute() };
    }
  }
  const values = generation.values;
  return {
    get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const held = values.get(key);
      if (held) {
        // Most recently used last, so the oldest period is the one dropped.
        values.delete(key);
        values.set(key, held);
        return held as Promise<T>;
      }
      const computed = compute();
      values.set(key, computed);
      computed.catch(() => {
        if (values.get(key) === computed) values.delete(key);
      });
      while (values.size > MAX_PERIODS) {
        const oldest = values.keys().next().value;
        if (oldest === undefined) break;
        values.delete(oldest);
      }
      return computed;
    },
  };
}

/** The cache key of a period. */
export const periodKey = (kind: string, period: Period) => `${kind}:${period.year}-${period.month}`;
