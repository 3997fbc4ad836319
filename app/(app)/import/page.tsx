import type { Metadata } from 'next';
import { Forbidden } from '@/components/ui/forbidden';
import { can, isDepartmentScoped } from '@/lib/domain/permissions';
import { requirePagePermission } from '@/lib/session/page-guard';
import { currentPeriod, formatPeriod, previousPeriod } from '@/lib/domain/period';
import { listDepartments } from '@/lib/services/admin/departments';
import { ImportView, type ImportKindOption } from './import-view';
import type { SearchPageProps } from '@/lib/validation/period';

export const metadata: Metadata = { title: '批量导入' };
export const dynamic = 'force-dynamic';

export default async function ImportPage({ searchParams }: SearchPageProps) {
  const { user, allowed } = await requirePagePermission('import.run');
  if (!allowed) return <Forbidden what="「批量导入」" />;
  const kinds: ImportKindOption[] = [];
  // Administrators download each department's actuals template to hand out; only officials import actuals.
  if (can(user, 'actual.enter') || can(user, 'target.manage'))
    kinds.push({ kind: 'actuals', canImport: can(user, 'actual.enter') });
  if (can(user, 'target.manage')) kinds.push({ kind: 'targets', canImport: true });
  const departments = isDepartmentScoped(user)
    ? []
    : (await listDepartments(user)).filter((d) => d.isActive).map((d) => ({ code: d.code, name: d.name }));
  const wanted = (await searchParams).kind;
  const now = new Date();
  return (
    <ImportView
      kinds={kinds}
      initialKind={kinds.find((k) => k.kind === wanted)?.kind ?? kinds.find((k) => k.canImport)?.kind ?? 'actuals'}
      departments={departments}
      departmentName={user.departmentName}
      defaultPeriod={formatPeriod(previousPeriod(currentPeriod(now)))}
      defaultYear={currentPeriod(now).year}
    />
  );
}
