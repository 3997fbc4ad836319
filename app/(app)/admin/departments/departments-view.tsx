'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { adminApi, adminDepartmentsQuery } from '@/lib/api/admin';
import type { DepartmentSummary } from '@/lib/services/departments';
import { ConfirmDialog } from '../_shared/dialog';
import { toFormProblem } from '../_shared/format';
import { DepartmentDialog } from './department-dialog';

type DialogState =
  | { kind: 'create' }
  | { kind: 'edit'; department: DepartmentSummary }
  | { kind: 'toggle'; department: DepartmentSummary }
  | null;

const BUTTON = 'rounded border border-gray-300 px-2 py-0.5 text-xs hover:bg-gray-50';

function ToggleDialog({ department, onClose, onDone }: { department: DepartmentSummary; onClose: () => void; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const activate = !department.isActive;
  const run = useMutation({
    mutationFn: () => adminApi.updateDepartment(department.id, { isActive: activate }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      onDone(`${activate ? '已启用' : '已停用'}单位 ${department.name}`);
    },
  });
  return (
    <ConfirmDialog
      title={activate ? '启用单位' : '停用单位'}
      message={
        <p>
          单位：<strong>{department.name}</strong>（{department.code}）。
          {activate ? '启用后可以为其新建用户。' : '停用后不能再为其新建用户；其指标、数据和已有用户保持不变。'}
        </p>
      }
      confirmLabel={activate ? '启用' : '停用'}
      pending={run.isPending}
      error={run.error ? toFormProblem(run.error).message : null}
      onConfirm={() => run.mutate()}
      onClose={onClose}
    />
  );
}

export function DepartmentsView() {
  const { data, error, isPending } = useQuery(adminDepartmentsQuery());
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setDialog(null);
  const done = (message: string) => {
    setNotice(message);
    close();
  };
  if (isPending) return <div className="h-64 animate-pulse rounded-lg bg-gray-200" aria-label="加载中" />;
  if (error) {
    return (
      <p role="alert" className="rounded border border-red-200 bg-red-50 p-4 text-red-800">
        加载失败：{error.message}
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-bold">单位管理</h1>
        <span className="text-sm text-gray-600">共 {data.length} 个单位；单位不删除，不再使用时停用</span>
        <button type="button" onClick={() => setDialog({ kind: 'create' })} className="ml-auto rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800">
          新建单位
        </button>
      </div>
      {notice ? (
        <p role="status" className="rounded border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          {notice}
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm">
        <table className="w-full min-w-[640px] text-sm">
          <thead className="bg-gray-50 text-left text-xs text-gray-500">
            <tr>
              {['单位代码', '单位名称', '简称', '状态', '操作'].map((h) => (
                <th key={h} className="px-3 py-2 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {data.map((d) => (
              <tr key={d.id} className={d.isActive ? '' : 'text-gray-500'}>
                <td className="px-3 py-2 font-mono">{d.code}</td>
                <td className="px-3 py-2">{d.name}</td>
                <td className="px-3 py-2">{d.shortName}</td>
                <td className="px-3 py-2">{d.isActive ? '启用' : '已停用'}</td>
                <td className="px-3 py-2">
                  <div className="flex gap-1">
                    <button type="button" className={BUTTON} onClick={() => setDialog({ kind: 'edit', department: d })}>
                      编辑
                    </button>
                    <button type="button" className={BUTTON} onClick={() => setDialog({ kind: 'toggle', department: d })}>
                      {d.isActive ? '停用' : '启用'}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {dialog?.kind === 'create' ? <DepartmentDialog onClose={close} onSaved={(d) => done(`已新建单位 ${d.name}`)} /> : null}
      {dialog?.kind === 'edit' ? (
        <DepartmentDialog department={dialog.department} onClose={close} onSaved={(d) => done(`已保存单位 ${d.name}`)} />
      ) : null}
      {dialog?.kind === 'toggle' ? <ToggleDialog department={dialog.department} onClose={close} onDone={done} /> : null}
    </div>
  );
}
