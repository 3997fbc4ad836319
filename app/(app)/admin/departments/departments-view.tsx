'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { adminApi, adminDepartmentsQuery } from '@/lib/client-api/admin';
import type { DepartmentSummary } from '@/lib/services/admin/departments';
import { ConfirmDialog } from '@/components/ui/dialog';
import { toFormProblem } from '../_shared/format';
import { DepartmentDialog } from './department-dialog';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { DataTable, RowActions } from '@/components/ui/table';

type DialogState =
  | { kind: 'create' }
  | { kind: 'edit'; department: DepartmentSummary }
  | { kind: 'toggle'; department: DepartmentSummary }
  | null;

function ToggleDialog({
  department,
  onClose,
  onDone,
}: {
  department: DepartmentSummary;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
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
    return <Notice tone="error">加载失败：{error.message}</Notice>;
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-bold">单位管理</h1>
        <span className="text-sm text-gray-600">共 {data.length} 个单位；单位不删除，不再使用时停用</span>
        <Button onClick={() => setDialog({ kind: 'create' })} variant="primary" className="ml-auto">
          新建单位
        </Button>
      </div>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <DataTable headers={['单位代码', '单位名称', '简称', '状态', '操作']} minWidth="min-w-[640px]">
        {data.map((d) => (
          <tr key={d.id} className={d.isActive ? '' : 'text-gray-500'}>
            <td className="px-3 py-2 font-mono">{d.code}</td>
            <td className="px-3 py-2">{d.name}</td>
            <td className="px-3 py-2">{d.shortName}</td>
            <td className="px-3 py-2">{d.isActive ? '启用' : '已停用'}</td>
            <RowActions
              actions={[
                { label: '编辑', onClick: () => setDialog({ kind: 'edit', department: d }) },
                { label: d.isActive ? '停用' : '启用', onClick: () => setDialog({ kind: 'toggle', department: d }) },
              ]}
            />
          </tr>
        ))}
      </DataTable>
      {dialog?.kind === 'create' ? (
        <DepartmentDialog onClose={close} onSaved={(d) => done(`已新建单位 ${d.name}`)} />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <DepartmentDialog
          department={dialog.department}
          onClose={close}
          onSaved={(d) => done(`已保存单位 ${d.name}`)}
        />
      ) : null}
      {dialog?.kind === 'toggle' ? <ToggleDialog department={dialog.department} onClose={close} onDone={done} /> : null}
    </div>
  );
}
