'use client';

import { ConfirmAction } from '../_shared/confirm-action';
import { useMemo, useState } from 'react';
import { AdminListHeader, matchesSearch, useAdminDialogs, useAdminQuery } from '../_shared/admin-list';
import { FREQUENCY_LABELS, KIND_LABELS, PLAN_TYPE_LABELS } from '@/lib/domain/labels';
import type { IndicatorAdminView } from '@/lib/services/admin/catalog';
import { IndicatorDialog } from './indicator-dialog';
import { catalogApi, catalogQuery } from './queries';
import { Notice } from '@/components/ui/notice';
import { DataTable, RowActions } from '@/components/ui/table';
import { FilterCheck, FilterSearch, FilterSelect } from '@/components/ui/filter-select';

type DialogState = { kind: 'create' } | { kind: 'edit' | 'retire' | 'delete'; indicator: IndicatorAdminView };

function rangeText(i: IndicatorAdminView): string {
  if (i.minValue === null && i.maxValue === null) return '不限';
  return `${i.minValue ?? '−∞'} – ${i.maxValue ?? '+∞'}`;
}

function StatusDialog({
  indicator,
  mode,
  onClose,
  onDone,
}: {
  indicator: IndicatorAdminView;
  mode: 'retire' | 'delete';
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const [reason, setReason] = useState('');
  const retiring = !indicator.isRetired;
  const title = mode === 'delete' ? '删除指标' : retiring ? '停用指标' : '恢复启用指标';
  return (
    <ConfirmAction
      action={() =>
        mode === 'delete'
          ? catalogApi.remove(indicator.code, indicator.version)
          : catalogApi.setRetired(indicator.code, {
              action: retiring ? 'retire' : 'unretire',
              version: indicator.version,
              reason: reason || undefined,
            })
      }
      invalidate={['admin', 'catalog']}
      onDone={() =>
        onDone(
          mode === 'delete'
            ? `已删除指标 ${indicator.code}`
            : `${retiring ? '已停用' : '已恢复启用'}指标 ${indicator.code}`,
        )
      }
      title={title}
      message={
        <div className="space-y-2">
          <p>
            指标：<strong>{indicator.name}</strong>（{indicator.code}）。
            {mode === 'delete'
              ? '该指标没有任何数据，删除后不可恢复。'
              : retiring
                ? '停用后不能再填报或导入数据，已有的数据和审计记录全部保留，随时可恢复启用。'
                : '恢复后可以继续填报。'}
          </p>
        </div>
      }
      reason={
        mode === 'retire' ? { label: '原因（可选，记入审计日志）', value: reason, onChange: setReason } : undefined
      }
      confirmLabel={mode === 'delete' ? '删除' : retiring ? '停用' : '恢复启用'}
      onClose={onClose}
    />
  );
}

export function IndicatorsView() {
  const { data, fallback } = useAdminQuery(catalogQuery());
  const { dialog, setDialog, close, notice, done } = useAdminDialogs<DialogState>();
  const [search, setSearch] = useState('');
  const [department, setDepartment] = useState('');
  const [showRetired, setShowRetired] = useState(false);
  const items = useMemo(
    () =>
      (data?.items ?? []).filter(
        (i) =>
          (showRetired || !i.isRetired) &&
          (department === '' || i.departmentCode === department) &&
          matchesSearch(search, i.code, i.name),
      ),
    [data, search, department, showRetired],
  );
  if (!data) return fallback;

  return (
    <div className="space-y-4">
      <AdminListHeader
        title="指标管理"
        summary={`共 ${data.items.length} 项指标；有数据的指标不能删除，不再使用时停用`}
        create={{ label: '新建指标', onClick: () => setDialog({ kind: 'create' }) }}
      />
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <FilterSearch label="搜索编码或名称" value={search} onChange={setSearch} />
        <FilterSelect
          label="责任单位"
          value={department}
          onChange={(value) => setDepartment(value ?? '')}
          allLabel="全部单位"
          options={data.departments.map((d) => ({ value: d.code, label: d.name }))}
        />
        <FilterCheck label="显示已停用的指标" checked={showRetired} onChange={setShowRetired} />
        <span className="text-gray-600">显示 {items.length} 项</span>
      </div>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <DataTable
        headers={[
          '指标编码',
          '指标名称',
          '单位',
          '类型',
          '频率',
          '属性',
          '责任单位',
          '所属抓手',
          '允许范围',
          '数据',
          '状态',
          '操作',
        ]}
        minWidth="min-w-[1100px]"
      >
        {items.map((i) => (
          <tr key={i.code} className={i.isRetired ? 'text-gray-500' : ''}>
            <td className="px-3 py-2 font-mono text-xs">{i.code}</td>
            <td className="px-3 py-2" title={i.definition}>
              {i.name}
            </td>
            <td className="px-3 py-2">{i.unit}</td>
            <td className="px-3 py-2">{KIND_LABELS[i.kind]}</td>
            <td className="px-3 py-2">{FREQUENCY_LABELS[i.frequency]}</td>
            <td className="px-3 py-2">{PLAN_TYPE_LABELS[i.planType]}</td>
            <td className="px-3 py-2">{i.departmentShortName}</td>
            <td className="px-3 py-2">{i.areaName ?? '—'}</td>
            <td className="px-3 py-2 whitespace-nowrap">{rangeText(i)}</td>
            <td className="px-3 py-2 whitespace-nowrap">
              实绩 {i.actualCount} · 目标 {i.targetCount}
            </td>
            <td className="px-3 py-2">{i.isRetired ? '已停用' : '启用'}</td>
            <RowActions
              actions={[
                {
                  label: '编辑',
                  ariaLabel: `编辑 ${i.name}`,
                  onClick: () => setDialog({ kind: 'edit', indicator: i }),
                },
                {
                  label: i.isRetired ? '恢复' : '停用',
                  ariaLabel: `${i.isRetired ? '恢复启用' : '停用'} ${i.name}`,
                  onClick: () => setDialog({ kind: 'retire', indicator: i }),
                },
                i.actualCount + i.targetCount === 0 && {
                  label: '删除',
                  ariaLabel: `删除 ${i.name}`,
                  onClick: () => setDialog({ kind: 'delete', indicator: i }),
                },
              ]}
            />
          </tr>
        ))}
      </DataTable>
      {dialog?.kind === 'create' ? (
        <IndicatorDialog departments={data.departments} onClose={close} onSaved={(s) => done(`已新建指标 ${s.code}`)} />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <IndicatorDialog
          indicator={dialog.indicator}
          departments={data.departments}
          onClose={close}
          onSaved={(s) => done(`已保存指标 ${s.code}`)}
        />
      ) : null}
      {dialog?.kind === 'retire' || dialog?.kind === 'delete' ? (
        <StatusDialog indicator={dialog.indicator} mode={dialog.kind} onClose={close} onDone={done} />
      ) : null}
    </div>
  );
}
