'use client';
import { ErrorState } from '@/components/kpi/states';

export default function IndicatorError({ retry }: { error: unknown; retry: () => void }) {
  return <ErrorState message="指标数据暂时无法加载" onRetry={retry} />;
}
