'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { adminApi, adminUsersQuery } from '@/lib/client-api/admin';
import { requiresDepartment } from '@/lib/domain/permissions';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/domain/types';
import type { DepartmentSummary } from '@/lib/services/admin/departments';
import type { UserListItem } from '@/lib/services/admin/users';
import { Dialog, DialogButtons, formText as text } from '@/components/ui/dialog';
import { FormError, Notice } from '@/components/ui/notice';
import { SelectField, TextField } from '@/components/ui/field';
import type { UnitSummary } from '@/lib/services/units/units';
import { toFormProblem, type FormProblem } from '../_shared/format';

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Active departments, plus the user's current one even if it was deactivated since. */
function departmentOptions(departments: DepartmentSummary[], currentCode: string | null) {
  const shown = departments.filter((d) => d.isActive || d.code === currentCode);
  return [
    { value: '', label: '请选择所属单位' },
    ...shown.map((d) => ({ value: d.code, label: d.isActive ? d.name : `${d.name}（已停用）` })),
  ];
}

/**
 * Active units that report figures of their own (not the city itself), for a unit's official or reviewer, plus the
 * user's current one even if it was deactivated since.
 */
function unitOptions(units: UnitSummary[], currentCode: string | null = null) {
  return [
    { value: '', label: '不属于县区（市级用户）' },
    ...units
      .filter((u) => u.kind !== 'city' && (u.isActive || u.code === currentCode))
      .map((u) => ({ value: u.code, label: u.isActive ? u.name : `${u.name}（已停用）` })),
  ];
}

/**
 * The role select, and the department and unit selects with the unit's hint for roles that belong to a department
 * (or a unit); `current` keeps the user's own department and unit listed even if deactivated since.
 */
function ScopeFields({
  scope,
  departments,
  units,
  current,
  isSelf = false,
  problem,
}: {
  scope: ReturnType<typeof useScopeFields>;
  departments: DepartmentSummary[];
  units: UnitSummary[];
  current?: { departmentCode: string | null; unitCode: string | null };
  /** An admin cannot change their own role. */
  isSelf?: boolean;
  problem: FormProblem | null;
}) {
  const role = (
    <SelectField
      label="角色"
      name="role"
      value={scope.role}
      onChange={scope.setRole}
      options={ROLE_OPTIONS}
      disabled={isSelf}
      hint={isSelf ? '不能修改自己的角色' : undefined}
      errors={problem?.fieldErrors.role}
    />
  );
  if (!scope.scoped) return role;
  return (
    <>
      {role}
      <SelectField
        label="所属单位"
        name="departmentCode"
        value={scope.departmentCode}
        onChange={scope.setDepartmentCode}
        options={departmentOptions(departments, current?.departmentCode ?? null)}
        errors={problem?.fieldErrors.departmentCode}
      />
      {units.length ? (
        <SelectField
          label="所属县区"
          name="unitCode"
          value={scope.unitCode}
          onChange={scope.setUnitCode}
          options={unitOptions(units, current?.unitCode)}
          errors={problem?.fieldErrors.unitCode}
        />
      ) : null}
      <p className="text-xs text-gray-500">县区用户可只选「所属县区」，或同时选单位（只处理该单位在本县区的指标）。</p>
    </>
  );
}

/** The fields the form shows for `role` (their errors appear beside them, not in the summary). */
function shownFields(role: Role, base: string[]): string[] {
  return [...base, 'role', ...(requiresDepartment(role) ? ['departmentCode', 'unitCode'] : [])];
}

/** A user write that refreshes the list before handing its result on. */
function useUserMutation<I, O>(mutationFn: (input: I) => Promise<O>, onDone: (result: O) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result: O) => {
      await queryClient.invalidateQueries({ queryKey: adminUsersQuery().queryKey });
      onDone(result);
    },
  });
}

/** Role, department and unit as the form holds them, and what a request sends for them (none for a role without). */
function useScopeFields(initial: { role: Role; departmentCode: string; unitCode: string }) {
  const [role, setRole] = useState<Role>(initial.role);
  const [departmentCode, setDepartmentCode] = useState(initial.departmentCode);
  const [unitCode, setUnitCode] = useState(initial.unitCode);
  const scoped = requiresDepartment(role);
  return {
    role,
    setRole: (value: string) => isRole(value) && setRole(value),
    departmentCode,
    setDepartmentCode,
    unitCode,
    setUnitCode,
    scoped,
    payload: { departmentCode: scoped ? departmentCode : null, unitCode: scoped && unitCode ? unitCode : null },
  };
}

export function CreateUserDialog({
  departments,
  units = [],
  onClose,
  onCreated,
}: {
  departments: DepartmentSummary[];
  units?: UnitSummary[];
  onClose: () => void;
  onCreated: (created: { username: string; password: string }) => void;
}) {
  const scope = useScopeFields({ role: 'official', departmentCode: '', unitCode: '' });
  const { role, payload } = scope;
  const create = useUserMutation(adminApi.createUser, onCreated);
  const problem = create.error ? toFormProblem(create.error, shownFields(role, ['username', 'displayName'])) : null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ username: text(form, 'username'), displayName: text(form, 'displayName'), role, ...payload });
  };
  return (
    <Dialog title="新建用户" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <TextField
          label="用户名"
          name="username"
          hint="3–32 位英文字母、数字、_ . -，登录时使用"
          errors={problem?.fieldErrors.username}
          required
        />
        <TextField
          label="显示名"
          name="displayName"
          hint="例如：张三（发改委）"
          errors={problem?.fieldErrors.displayName}
          required
        />
        <ScopeFields scope={scope} departments={departments} units={units} problem={problem} />
        <p className="text-xs text-gray-500">创建后系统生成一次性密码（只显示一次），该用户首次登录时须修改密码。</p>
        {problem ? <FormError message={problem.message} /> : null}
        <DialogButtons pending={create.isPending} label="创建" onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function EditUserDialog({
  user,
  isSelf,
  departments,
  units = [],
  onClose,
  onSaved,
}: {
  user: UserListItem;
  isSelf: boolean;
  departments: DepartmentSummary[];
  units?: UnitSummary[];
  onClose: () => void;
  onSaved: (saved: UserListItem) => void;
}) {
  const scope = useScopeFields({
    role: user.role,
    departmentCode: user.departmentCode ?? '',
    unitCode: user.unitCode ?? '',
  });
  const { role, payload } = scope;
  const save = useUserMutation((input: Record<string, unknown>) => adminApi.updateUser(user.id, input), onSaved);
  const problem = save.error ? toFormProblem(save.error, shownFields(role, ['displayName', 'email'])) : null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      displayName: text(form, 'displayName'),
      email: text(form, 'email'),
      ...(isSelf ? {} : { role }),
      ...payload,
    });
  };
  const revokes =
    role !== user.role ||
    (payload.departmentCode ?? '') !== (user.departmentCode ?? '') ||
    (payload.unitCode ?? '') !== (user.unitCode ?? '');
  return (
    <Dialog title={`编辑用户 ${user.username}`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <TextField
          label="显示名"
          name="displayName"
          defaultValue={user.displayName}
          errors={problem?.fieldErrors.displayName}
          required
        />
        <TextField
          label="电子邮箱"
          name="email"
          defaultValue={user.email ?? ''}
          hint="接收催报提醒邮件；留空则不发邮件"
          errors={problem?.fieldErrors.email}
        />
        <ScopeFields
          scope={scope}
          departments={departments}
          units={units}
          current={user}
          isSelf={isSelf}
          problem={problem}
        />
        {revokes ? (
          <Notice tone="warning" role="status">
            更改角色、所属单位或所属县区后，该用户已登录的会话将立即失效，需要重新登录。
          </Notice>
        ) : null}
        {problem ? <FormError message={problem.message} /> : null}
        <DialogButtons pending={save.isPending} label="保存" onClose={onClose} />
      </form>
    </Dialog>
  );
}
