'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiError, fetchJson } from '@/lib/client-api/client';
import { formatShanghaiDateTime } from '@/lib/domain/datetime';
import type { AuditorAlertItem } from '@/lib/services/audit/auditor-alerts';
import { Button } from '@/components/ui/button';

/**
 * Shown to an auditor on every page until acknowledged: changes another administrator made to auditor
 * accounts (role granted, password reset, second factor off). Acknowledging is recorded in the audit log.
 */
export function AuditorAlerts({ alerts }: { alerts: AuditorAlertItem[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (alerts.length === 0) return null;
  async function acknowledge() {
    setBusy(true);
    setError(null);
    try {
      await fetchJson('/api/audit/alerts', {
        method: 'POST',
        body: JSON.stringify({ ids: alerts.map((alert) => alert.id) }),
      });
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '确认失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }
  return (
    <section
      aria-labelledby="auditor-alerts-title"
      className="no-print border-b border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <div className="mx-auto max-w-7xl">
        <h2 id="auditor-alerts-title" className="font-semibold">
          审计员账号变更提醒（{alerts.length} 条待确认）
        </h2>
        <p className="mt-1 text-xs">
          以下操作可能让其他人取得审计员权限。请逐条核实；如非经授权，请立即报告并查看审计日志。
        </p>
        <ul className="mt-2 list-disc space-y-0.5 pl-5">
          {alerts.map((alert) => (
            <li key={alert.id}>
              {formatShanghaiDateTime(alert.createdAt)}　{alert.message}
              {alert.clientAddress ? `，来源地址 ${alert.clientAddress}` : ''}
            </li>
          ))}
        </ul>
        <div className="mt-2 flex items-center gap-3">
          <Button disabled={busy} onClick={acknowledge} variant="primary" size="sm">
            {busy ? '正在确认…' : '已核实，确认提醒'}
          </Button>
          {error ? <span className="text-red-800">{error}</span> : null}
        </div>
      </div>
    </section>
  );
}
