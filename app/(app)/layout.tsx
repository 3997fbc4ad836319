import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import Link from '@/components/ui/link';
import { AppHeader } from '@/components/layout/app-header';
import { AuditorAlerts } from '@/components/layout/auditor-alerts';
import { SessionKeeper } from '@/components/layout/session-keeper';
import { mfaOffNoticeFor } from '@/lib/session/mfa-policy';
import { requirePageUser } from '@/lib/session/page-guard';
import { can } from '@/lib/domain/permissions';
import { listPendingAuditorAlerts } from '@/lib/services/audit/auditor-alerts';
import { sharedRenderOf } from '@/lib/server-http/shared-render';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  // Changes to auditor accounts, shown to every auditor until they acknowledge them (三员分立).
  const alerts = can(user, 'audit.view') ? await listPendingAuditorAlerts(user) : [];
  // The overview rendered for every reader of this scope names its reader with a stand-in (lib/server-http/shared-render).
  const shared = sharedRenderOf(await headers());
  return (
    <>
      <AppHeader user={shared ? { ...user, displayName: shared.name } : user} />
      <SessionKeeper />
      <AuditorAlerts alerts={alerts} />
      {mfaOffNoticeFor(user) ? (
        <p
          role="note"
          className="no-print border-b border-sky-200 bg-sky-50 px-4 py-1.5 text-center text-sm text-sky-900"
        >
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
