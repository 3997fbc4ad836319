import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import Link from '@/components/ui/link';
import { requirePagePermission } from '@/lib/session/page-guard';
import { screenQuery } from '@/lib/client-api/dashboard-queries';
import { getScreen } from '@/lib/services/dashboards/screen';
import { ScreenView } from './screen-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '领导驾驶舱' };

/** The cockpit: its own dark full-screen layout (no app header), for leaders, admins and auditors. */
export default async function ScreenPage() {
  const { user, allowed } = await requirePagePermission('screen.view');
  if (!allowed) {
    return (
      <main className="flex min-h-screen items-center justify-center bg-[#0b1220] p-6 text-slate-100">
        <div className="max-w-md rounded-lg border border-slate-700 bg-slate-900 p-6 text-center">
          <h1 className="text-xl font-semibold">无权限</h1>
          <p className="mt-2 text-sm text-slate-300">领导驾驶舱仅对领导、系统管理员和审计员开放。</p>
          <Link href="/" className="mt-4 inline-block rounded bg-red-800 px-4 py-2 text-sm text-white hover:bg-red-700">
            返回总览
          </Link>
        </div>
      </main>
    );
  }
  return (
    <Prefetched queries={[{ ...screenQuery(), queryFn: () => getScreen(user) }]}>
      <ScreenView />
    </Prefetched>
  );
}
