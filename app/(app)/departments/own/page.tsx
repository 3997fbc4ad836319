import { redirect } from 'next/navigation';
import { requirePageUser } from '@/lib/session/page-guard';
import { getOwnDepartmentCode } from '@/lib/services/dashboards/department';

export const dynamic = 'force-dynamic';

/** 本单位: the signed-in user's own department page. */
export default async function OwnDepartmentPage() {
  const user = await requirePageUser();
  const code = await getOwnDepartmentCode(user);
  if (!code) redirect('/');
  redirect(`/departments/${code}`);
}
