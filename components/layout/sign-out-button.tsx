'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        // Ends every session of this user on the server (session version), then clears this browser's cookie.
        await fetch('/api/account/sign-out', { method: 'POST' }).catch(() => undefined);
        await signOut({ callbackUrl: '/login' });
      }}
      className="rounded border border-white/40 px-2 py-1 hover:bg-white/15 disabled:opacity-60"
    >
      退出登录
    </button>
  );
}
