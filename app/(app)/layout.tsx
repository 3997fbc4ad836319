import type { ReactNode } from 'react';
import { AppHeader } from '@/components/layout/app-header';
import { requirePageUser } from '@/lib/auth/page-guard';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
