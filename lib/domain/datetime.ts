/**
 * Instants shown to people in Asia/Shanghai (UTC+8, no DST), formatted by hand so that the server and every
 * browser write the same characters (no dependence on the host's time zone or its ICU data).
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

function toShanghai(at: Date | string | number): Date | null {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  return Number.isFinite(ms) ? new Date(ms + SHANGHAI_OFFSET_MS) : null;
}

/** "2026-04-10 12:05" in Shanghai time; "—" for an invalid instant. */
export function formatShanghaiDateTime(at: Date | string | number): string {
  const d = toShanghai(at);
  if (!d) return '—';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "12:05:09" in Shanghai time; "—" for an invalid instant. */
export function formatShanghaiTime(at: Date | string | number): string {
  const d = toShanghai(at);
  if (!d) return '—';
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** True when `now` is more than `maxAgeMs` after `at` (a missing `at` is stale). */
export function isOlderThan(at: number | null | undefined, now: number, maxAgeMs: number): boolean {
  return at === null || at === undefined || !Number.isFinite(at) || at <= 0 || now - at > maxAgeMs;
}
