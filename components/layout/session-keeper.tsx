'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Activity (a key or a pointer press) this recent keeps the session alive. */
const ACTIVE_WINDOW_MS = 5 * 60_000;
/** At most one refresh this often, across tabs (the time is shared through localStorage). */
const REFRESH_EVERY_MS = 5 * 60_000;
/** The idle timeout (lib/auth/session-policy.ts): the cookie's lifetime after its last refresh. */
const IDLE_TIMEOUT_MS = 30 * 60_000;
const CHECK_EVERY_MS = 60_000;
const STORAGE_KEY = 'zhuashou.session-refreshed-at';

function lastRefresh(): number {
  try {
    return Number(window.localStorage.getItem(STORAGE_KEY)) || 0;
  } catch {
    return 0;
  }
}

function rememberRefresh(at: number): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, String(at));
  } catch {
    // Storage refused (private mode): each tab then refreshes on its own schedule.
  }
}

/**
 * Extends the session while the user is active: next-auth re-issues the JWT cookie with a fresh 30-minute
 * expiry on GET /api/auth/session. An idle user is not kept alive (unlike SessionProvider's refetchInterval),
 * and once the session is gone the browser goes to the login page, which says why.
 */
export function SessionKeeper() {
  const router = useRouter();
  useEffect(() => {
    let lastActivity = 0;
    let inFlight = false;

    async function refresh() {
      if (inFlight) return;
      inFlight = true;
      try {
        const response = await fetch('/api/auth/session', {
          headers: { Accept: 'application/json' },
          cache: 'no-store',
        });
        if (!response.ok) return; // the server is unreachable or failing: try again later, do not sign out
        const session: unknown = await response.json().catch(() => null);
        const signedIn = typeof session === 'object' && session !== null && 'user' in session;
        if (!signedIn) {
          router.replace('/login?expired=1');
          return;
        }
        rememberRefresh(Date.now());
      } catch {
        // Offline: the next check tries again.
      } finally {
        inFlight = false;
      }
    }

    function check() {
      const now = Date.now();
      const refreshed = lastRefresh();
      const active = now - lastActivity < ACTIVE_WINDOW_MS;
      // Active and due, or (idle) past the cookie's lifetime: then the answer tells us it has expired.
      const expiredByNow = refreshed > 0 && now - refreshed > IDLE_TIMEOUT_MS;
      if ((active && now - refreshed >= REFRESH_EVERY_MS) || expiredByNow) void refresh();
    }

    function onActivity() {
      const wasIdle = Date.now() - lastActivity >= ACTIVE_WINDOW_MS;
      lastActivity = Date.now();
      if (wasIdle) check();
    }

    window.addEventListener('keydown', onActivity, { passive: true });
    window.addEventListener('pointerdown', onActivity, { passive: true });
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      window.removeEventListener('keydown', onActivity);
      window.removeEventListener('pointerdown', onActivity);
      window.clearInterval(timer);
    };
  }, [router]);
  return null;
}
