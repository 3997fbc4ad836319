'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="on-dark"
      size="sm"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        // Ends every session of this user on the server (session version), then clears this browser's cookie.
        await fetch('/api/account/sign-out', { method: 'POST' }).catch(() => undefined);
        await signOut({ callbackUrl: '/login' });
      }}
    >
      退出登录
    </Button>
  );
}
