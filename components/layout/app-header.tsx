import Link from '@/components/ui/link';
import { can } from '@/lib/domain/permissions';
import type { SessionUser } from '@/lib/session/session';
import { actorRoleLabel } from '@/lib/domain/labels';
import { NAV_ITEMS } from './nav-items';
import { SignOutButton } from './sign-out-button';

export function AppHeader({ user }: { user: SessionUser }) {
  const items = NAV_ITEMS.filter((item) => user.role !== 'system' && can(user, item.permission));
  return (
    <header className="no-print border-b border-red-900/20 bg-gradient-to-r from-red-800 to-red-700 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-wide">
          抓手 <span className="text-sm font-normal opacity-80">长治市七个主抓手目标进度平台</span>
        </Link>
        <nav aria-label="主导航" className="flex flex-wrap gap-1 text-sm">
          {items.map((item) => (
            <Link key={item.href} href={item.href} className="rounded px-2 py-1 hover:bg-white/15">
              {item.label}
            </Link>
          ))}
          {user.departmentId !== null && can(user, 'dashboard.view') && !can(user, 'department.view-all') ? (
            <Link href="/departments/own" className="rounded px-2 py-1 hover:bg-white/15">
              本单位
            </Link>
          ) : null}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <Link href="/account/mfa" className="rounded px-1 underline-offset-2 hover:underline">
            账号安全
          </Link>
          <span>
            {user.displayName}
            <span className="ml-1 rounded bg-white/15 px-1.5 py-0.5 text-xs">{actorRoleLabel(user.role)}</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
