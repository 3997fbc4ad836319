import Link from '@/components/ui/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/layout/sign-out-button';

/**
 * The frame of the account set-up pages (password change, TOTP enrolment). They live outside the (app)
 * layout because that layout sends an account that is not set up yet to these very pages.
 */
export function AccountShell({
  title,
  displayName,
  children,
}: {
  title: string;
  displayName: string;
  children: ReactNode;
}) {
  return (
    <>
      <header className="border-b border-red-900/20 bg-gradient-to-r from-red-800 to-red-700 text-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-4 px-4 py-3">
          <Link href="/" className="text-xl font-semibold tracking-wide">
            抓手 <span className="text-sm font-normal opacity-80">账号安全</span>
          </Link>
          <nav aria-label="账号安全" className="flex gap-1 text-sm">
            <Link href="/account/password" className="rounded px-2 py-1 hover:bg-white/15">
              修改密码
            </Link>
            <Link href="/account/mfa" className="rounded px-2 py-1 hover:bg-white/15">
              双因素认证
            </Link>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span>{displayName}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-xl font-semibold">{title}</h1>
        <div className="mt-4">{children}</div>
      </main>
    </>
  );
}
