'use client';
import { ErrorState } from '@/components/kpi/states';

export default function DepartmentError({ retry }: { error: unknown; retry: () => void }) {
  return <ErrorState message="单位数据暂时无法加载" onRetry={retry} />;
}
