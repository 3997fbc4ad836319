'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { adminApi } from '@/lib/client-api/admin';
import type { DepartmentSummary } from '@/lib/services/admin/departments';
import { Dialog, DialogButtons, formText } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/notice';
import { TextField } from '@/components/ui/field';
import { toFormProblem } from '../_shared/format';

const FIELDS = [
  { name: 'code', label: '单位代码', hint: '2–32 位小写英文字母、数字或 -，创建后不能修改（导入与脚本引用它）' },
  { name: 'name', label: '单位名称', hint: '例如：市发展和改革委员会' },
  { name: 'shortName', label: '单位简称', hint: '例如：发改委（最多 10 个字）' },
] as const;

/** Creates a department, or (given one) renames it; the code is permanent once created. */
export function DepartmentDialog({
  department,
  onClose,
  onSaved,
}: {
  department?: DepartmentSummary;
  onClose: () => void;
  onSaved: (saved: DepartmentSummary) => void;
}) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      department ? adminApi.updateDepartment(department.id, input) : adminApi.createDepartment(input),
    onSuccess: async (saved) => {
      // Users show their department's name: both lists change.
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      onSaved(saved);
    },
  });
  // The code is asked for only when creating.
  const fields = FIELDS.filter((f) => !department || f.name !== 'code');
  const problem = save.error
    ? toFormProblem(
        save.error,
        fields.map((f) => f.name),
      )
    : null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate(Object.fromEntries(fields.map((f) => [f.name, formText(form, f.name)])));
  };
  return (
    <Dialog title={department ? `编辑单位 ${department.code}` : '新建单位'} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        {fields.map((f) => (
          <TextField
            key={f.name}
            label={f.label}
            name={f.name}
            defaultValue={department?.[f.name]}
            hint={f.hint}
            errors={problem?.fieldErrors[f.name]}
            required
          />
        ))}
        {problem ? <FormError message={problem.message} /> : null}
        <DialogButtons pending={save.isPending} label={department ? '保存' : '创建'} onClose={onClose} />
      </form>
    </Dialog>
  );
}
