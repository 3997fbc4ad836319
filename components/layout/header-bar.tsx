'use client';
import Link from '@/components/ui/link';
import { SignOutButton } from './sign-out-button';

/** The header's drawing (components/layout/app-header.tsx chooses what it shows). */
export function HeaderBar({
  links,
  displayName,
  roleLabel,
}: {
  links: { href: string; label: string }[];
  displayName: string;
  roleLabel: string;
}) {
  return (
    <header className="no-print border-b border-red-900/20 bg-gradient-to-r from-red-800 to-red-700 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-xl font-semibold tracking-wide">
          抓手 <span className="text-sm font-normal opacity-80">长治市七个主抓手目标进度平台</span>
        </Link>
        <nav aria-label="主导航" className="flex flex-wrap gap-1 text-sm">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className="rounded px-2 py-1 hover:bg-white/15">
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <Link href="/account/mfa" className="rounded px-1 underline-offset-2 hover:underline">
            账号安全
          </Link>
          <span>
            {displayName}
            <span className="ml-1 rounded bg-white/15 px-1.5 py-0.5 text-xs">{roleLabel}</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
