import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/session/session';
import { PASSWORD_RULES_TEXT } from '@/lib/validation/password';
import { AccountShell } from '../account-shell';
import { PasswordForm } from './password-form';

export const metadata: Metadata = { title: '修改密码' };
export const dynamic = 'force-dynamic';

/** The forced change (first sign-in, after a reset) and the voluntary one; outside the (app) layout on purpose. */
export default async function PasswordPage() {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  return (
    <AccountShell title="修改密码" displayName={user.displayName}>
      {user.mustChangePassword ? (
        <p role="status" className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          这是首次登录，或管理员刚重置了您的密码：请先设置自己的新密码，然后才能继续使用系统。
        </p>
      ) : null}
      <p className="mb-4 text-sm text-gray-600">要求：{PASSWORD_RULES_TEXT}。</p>
      <PasswordForm forced={user.mustChangePassword} />
    </AccountShell>
  );
}
