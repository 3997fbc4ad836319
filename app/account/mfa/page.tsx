import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { mfaOffNoticeFor } from '@/lib/session/mfa-policy';
import { getSessionUser } from '@/lib/session/session';
import { AccountShell } from '../account-shell';
import { MfaEnrollment } from './mfa-enrollment';

export const metadata: Metadata = { title: '双因素认证' };
export const dynamic = 'force-dynamic';

/** TOTP enrolment; outside the (app) layout, which sends a user whose role requires TOTP here first. */
export default async function MfaPage() {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  if (user.mustChangePassword) redirect('/account/password');
  return (
    <AccountShell title="双因素认证" displayName={user.displayName}>
      {user.mustEnrollTotp ? (
        <p role="status" className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          您的角色要求使用双因素认证：完成绑定后才能继续使用系统。
        </p>
      ) : null}
      {mfaOffNoticeFor(user) ? (
        <p className="mb-4 rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          双因素认证未强制启用（演示环境）。正式环境中系统管理员和审计员必须绑定；建议现在绑定。
        </p>
      ) : null}
      <MfaEnrollment enabled={user.totpEnabled} />
    </AccountShell>
  );
}
