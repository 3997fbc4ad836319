'use client';

import { useQuery } from '@tanstack/react-query';
import { adminDepartmentsQuery, adminUsersQuery } from '@/lib/client-api/admin';
import { ROLE_LABELS } from '@/lib/domain/types';
import type { UserListItem } from '@/lib/services/admin/users';
import { AdminListHeader, useAdminDialogs, useAdminQuery } from '../_shared/admin-list';
import { formatBeijingTime } from '../_shared/format';
import type { UnitSummary } from '@/lib/services/units/units';
import { CreateUserDialog, EditUserDialog } from './user-form-dialogs';
import { OneTimePasswordDialog, UserActionDialog, type RowAction } from './user-action-dialogs';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { DataTable, RowActions } from '@/components/ui/table';

type DialogState =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserListItem }
  | { kind: 'action'; user: UserListItem; action: RowAction }
  | { kind: 'password'; username: string; password: string; isNew: boolean };

function StatusCell({ user }: { user: UserListItem }) {
  const tags: string[] = [];
  if (user.isDisabled) tags.push('已停用');
  if (user.isLocked) tags.push(`已锁定至 ${formatBeijingTime(user.lockedUntil)}`);
  if (user.mustChangePassword) tags.push('待修改密码');
  if (tags.length === 0) tags.push('正常');
  return (
    <ul className="flex flex-wrap gap-1">
      {tags.map((tag) => (
        <li
          key={tag}
          className={`rounded px-1.5 py-0.5 text-xs ring-1 ring-inset ${tag === '正常' ? 'ring-green-600/30' : 'bg-amber-50 ring-amber-600/40'}`}
        >
          {tag}
        </li>
      ))}
    </ul>
  );
}

/**
 * Accounts locked by repeated failed sign-ins, first on the page: anyone can lock an account with a few
 * wrong passwords, so the security administrator sees each lockout and can lift it here.
 */
function LockedAccounts({ users, onUnlock }: { users: UserListItem[]; onUnlock: (user: UserListItem) => void }) {
  const locked = users.filter((user) => user.isLocked);
  if (locked.length === 0) return null;
  return (
    <section aria-labelledby="locked-accounts" className="rounded-lg border border-amber-300 bg-amber-50 p-3">
      <h2 id="locked-accounts" className="text-sm font-semibold text-amber-900">
        被锁定的账号（{locked.length}）
      </h2>
      <p className="mt-1 text-xs text-amber-900">
        连续输错密码的账号会被锁定 30
        分钟。若非本人所为，可能是有人在猜测密码：请核实后再解锁，并查看审计日志中的“拒绝访问”记录。
      </p>
      <ul className="mt-2 divide-y divide-amber-200">
        {locked.map((user) => (
          <li key={user.id} className="flex flex-wrap items-center gap-3 py-1.5 text-sm">
            <span className="font-mono">{user.username}</span>
            <span>{user.displayName}</span>
            <span className="text-gray-700">锁定至 {formatBeijingTime(user.lockedUntil)}</span>
            <Button size="sm" className="ml-auto" onClick={() => onUnlock(user)} aria-label={`解锁 ${user.username}`}>
              解锁
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function UsersView({ currentUserId, units = [] }: { currentUserId: number; units?: UnitSummary[] }) {
  const { data: users, fallback } = useAdminQuery(adminUsersQuery());
  const departments = useQuery(adminDepartmentsQuery());
  const { dialog, setDialog, close, notice, setNotice, done } = useAdminDialogs<DialogState>();

  if (!users) return fallback;
  const action = (user: UserListItem, kind: RowAction) => setDialog({ kind: 'action', user, action: kind });
  return (
    <div className="space-y-4">
      <AdminListHeader
        title="用户管理"
        summary={`共 ${users.length} 个账号`}
        create={{ label: '新建用户', onClick: () => setDialog({ kind: 'create' }) }}
      />
      <LockedAccounts users={users} onUnlock={(user) => action(user, 'unlock')} />
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <DataTable
        headers={['用户名', '显示名', '角色', '所属单位（县区）', '状态', '双因素认证', '最近登录', '操作']}
        minWidth="min-w-[960px]"
      >
        {users.map((user) => (
          <tr key={user.id}>
            <td className="px-3 py-2 font-mono">{user.username}</td>
            <td className="px-3 py-2">{user.displayName}</td>
            <td className="px-3 py-2">{ROLE_LABELS[user.role]}</td>
            <td className="px-3 py-2">{[user.unitName, user.departmentName].filter(Boolean).join(' · ') || '—'}</td>
            <td className="px-3 py-2">
              <StatusCell user={user} />
            </td>
            <td className="px-3 py-2">{user.totpEnabled ? '已启用' : '未启用'}</td>
            <td className="px-3 py-2 text-gray-600">{formatBeijingTime(user.lastLoginAt)}</td>
            <RowActions
              actions={[
                { label: '编辑', onClick: () => setDialog({ kind: 'edit', user }) },
                user.isDisabled
                  ? { label: '启用', onClick: () => action(user, 'enable') }
                  : user.id !== currentUserId && { label: '停用', onClick: () => action(user, 'disable') },
                { label: '重置密码', onClick: () => action(user, 'reset') },
                user.isLocked && { label: '解锁', onClick: () => action(user, 'unlock') },
                user.totpEnabled && { label: '重置双因素', onClick: () => action(user, 'disable-totp') },
              ]}
            />
          </tr>
        ))}
      </DataTable>
      {dialog?.kind === 'create' ? (
        <CreateUserDialog
          departments={departments.data ?? []}
          units={units}
          onClose={close}
          onCreated={(created) => {
            setNotice(`已创建用户 ${created.username}`);
            setDialog({ kind: 'password', username: created.username, password: created.password, isNew: true });
          }}
        />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <EditUserDialog
          user={dialog.user}
          isSelf={dialog.user.id === currentUserId}
          departments={departments.data ?? []}
          units={units}
          onClose={close}
          onSaved={(saved) => done(`已保存用户 ${saved.username} 的修改`)}
        />
      ) : null}
      {dialog?.kind === 'action' ? (
        <UserActionDialog
          user={dialog.user}
          action={dialog.action}
          onClose={close}
          onDone={(message, password) => {
            setNotice(message);
            if (password) setDialog({ kind: 'password', username: dialog.user.username, password, isNew: false });
            else close();
          }}
        />
      ) : null}
      {dialog?.kind === 'password' ? (
        <OneTimePasswordDialog
          username={dialog.username}
          password={dialog.password}
          isNew={dialog.isNew}
          onClose={close}
        />
      ) : null}
    </div>
  );
}
