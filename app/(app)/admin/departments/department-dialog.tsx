'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { adminApi } from '@/lib/client-api/admin';
import type { DepartmentSummary } from '@/lib/services/admin/departments';
import { Dialog, DialogButtons, formText } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/notice';
import { TextField } from '@/components/ui/field';
import { toFormProblem } from '../_shared/format';

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
  const problem = save.error
    ? toFormProblem(save.error, department ? ['name', 'shortName'] : ['code', 'name', 'shortName'])
    : null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => formText(form, name);
    save.mutate({
      ...(department ? {} : { code: field('code') }),
      name: field('name'),
      shortName: field('shortName'),
    });
  };
  return (
    <Dialog title={department ? `编辑单位 ${department.code}` : '新建单位'} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        {department ? null : (
          <TextField
            label="单位代码"
            name="code"
            hint="2–32 位小写英文字母、数字或 -，创建后不能修改（导入与脚本引用它）"
            errors={problem?.fieldErrors.code}
            required
          />
        )}
        <TextField
          label="单位名称"
          name="name"
          defaultValue={department?.name}
          hint="例如：市发展和改革委员会"
          errors={problem?.fieldErrors.name}
          required
        />
        <TextField
          label="单位简称"
          name="shortName"
          defaultValue={department?.shortName}
          hint="例如：发改委（最多 10 个字）"
          errors={problem?.fieldErrors.shortName}
          required
        />
        {problem ? <FormError message={problem.message} /> : null}
        <DialogButtons pending={save.isPending} label={department ? '保存' : '创建'} onClose={onClose} />
      </form>
    </Dialog>
  );
}
