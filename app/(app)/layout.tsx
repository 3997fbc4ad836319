import type { ReactNode } from 'react';
import Link from 'next/link';
import { AppHeader } from '@/components/layout/app-header';
import { SessionKeeper } from '@/components/layout/session-keeper';
import { mfaOffNoticeFor } from '@/lib/auth/mfa-policy';
import { requirePageUser } from '@/lib/auth/page-guard';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <>
      <AppHeader user={user} />
      <SessionKeeper />
      {mfaOffNoticeFor(user) ? (
        <p role="note" className="no-print border-b border-sky-200 bg-sky-50 px-4 py-1.5 text-center text-sm text-sky-900">
          双因素认证未强制启用（演示环境）
          <Link href="/account/mfa" className="ml-2 underline">
            立即绑定
          </Link>
        </p>
      ) : null}
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
