'use client';

import { ConfirmAction } from '../_shared/confirm-action';
import { adminApi, adminDepartmentsQuery } from '@/lib/client-api/admin';
import type { DepartmentSummary } from '@/lib/services/admin/departments';
import { AdminListHeader, useAdminDialogs, useAdminQuery } from '../_shared/admin-list';
import { DepartmentDialog } from './department-dialog';
import { Notice } from '@/components/ui/notice';
import { DataTable, RowActions } from '@/components/ui/table';

type DialogState =
  | { kind: 'create' }
  | { kind: 'edit'; department: DepartmentSummary }
  | { kind: 'toggle'; department: DepartmentSummary };

function ToggleDialog({
  department,
  onClose,
  onDone,
}: {
  department: DepartmentSummary;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const activate = !department.isActive;
  return (
    <ConfirmAction
      action={() => adminApi.updateDepartment(department.id, { isActive: activate })}
      invalidate={['admin']}
      onDone={() => onDone(`${activate ? '已启用' : '已停用'}单位 ${department.name}`)}
      title={activate ? '启用单位' : '停用单位'}
      message={
        <p>
          单位：<strong>{department.name}</strong>（{department.code}）。
          {activate ? '启用后可以为其新建用户。' : '停用后不能再为其新建用户；其指标、数据和已有用户保持不变。'}
        </p>
      }
      confirmLabel={activate ? '启用' : '停用'}
      onClose={onClose}
    />
  );
}

export function DepartmentsView() {
  const { data, fallback } = useAdminQuery(adminDepartmentsQuery());
  const { dialog, setDialog, close, notice, done } = useAdminDialogs<DialogState>();
  if (!data) return fallback;
  return (
    <div className="space-y-4">
      <AdminListHeader
        title="单位管理"
        summary={`共 ${data.length} 个单位；单位不删除，不再使用时停用`}
        create={{ label: '新建单位', onClick: () => setDialog({ kind: 'create' }) }}
      />
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
