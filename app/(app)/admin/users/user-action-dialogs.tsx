'use client';

import { ConfirmAction } from '../_shared/confirm-action';
import { useState } from 'react';
import { adminApi, adminUsersQuery } from '@/lib/client-api/admin';
import type { UserListItem } from '@/lib/services/admin/users';
import { Dialog } from '@/components/ui/dialog';
import { Button } from '@/components/ui/button';

export type RowAction = 'disable' | 'enable' | 'reset' | 'unlock' | 'disable-totp';

const COPY: Record<RowAction, { title: string; confirm: string; message: string; done: string }> = {
  disable: {
    title: '停用用户',
    confirm: '停用',
    message: '停用后，该用户所有已登录的会话立即结束，且不能再登录，直到重新启用。',
    done: '已停用用户',
  },
  enable: { title: '启用用户', confirm: '启用', message: '启用后，该用户可以重新登录。', done: '已启用用户' },
  reset: {
    title: '重置密码',
    confirm: '重置密码',
    message:
      '系统将生成一次性密码（只显示一次）；该用户所有已登录的会话立即结束，下次登录须修改密码，登录锁定（如有）同时解除。',
    done: '已重置密码：用户',
  },
  unlock: {
    title: '解除登录锁定',
    confirm: '解锁',
    message: '解除后，该用户可以立即重新尝试登录。',
    done: '已解除登录锁定：用户',
  },
  'disable-totp': {
    title: '重置双因素认证',
    confirm: '重置双因素',
    message: '该用户原来的身份验证器和恢复码将失效；如其角色要求双因素认证，下次登录后须重新绑定。',
    done: '已重置双因素认证：用户',
  },
};

export function UserActionDialog({
  user,
  action,
  onClose,
  onDone,
}: {
  user: UserListItem;
  action: RowAction;
  onClose: () => void;
  onDone: (message: string, password?: string) => void;
}) {
  const copy = COPY[action];
  return (
    <ConfirmAction
      action={async () => (action === 'reset' ? adminApi.resetPassword(user.id) : adminApi.userAction(user.id, action))}
      invalidate={adminUsersQuery().queryKey}
      onDone={(result) => onDone(`${copy.done} ${user.username}`, 'password' in result ? result.password : undefined)}
      title={copy.title}
      message={
        <p>
          用户：<strong>{user.displayName}</strong>（{user.username}）。{copy.message}
        </p>
      }
      confirmLabel={copy.confirm}
      onClose={onClose}
    />
  );
}

/** The generated password, shown this once; the administrator passes it on by a safe channel. */
export function OneTimePasswordDialog({
  username,
  password,
  isNew,
  onClose,
}: {
  username: string;
  password: string;
  isNew: boolean;
  onClose: () => void;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied('已复制到剪贴板');
    } catch {
      setCopied('无法自动复制，请手动选中后复制');
    }
  };
  return (
    <Dialog title={isNew ? `用户 ${username} 已创建` : `用户 ${username} 的密码已重置`} onClose={onClose}>
      <p className="text-sm text-gray-700">一次性密码（只显示这一次，请通过安全渠道交给本人；首次登录时须修改）：</p>
      <p className="mt-2 flex items-center gap-2">
        <code
          aria-label="一次性密码"
          data-testid="one-time-password"
          className="rounded bg-gray-100 px-3 py-2 font-mono text-lg tracking-wider select-all"
        >
          {password}
        </code>
        <Button onClick={copy} size="sm">
          复制
        </Button>
      </p>
      {copied ? (
        <p role="status" className="mt-1 text-xs text-gray-600">
          {copied}
        </p>
      ) : null}
      <div className="mt-5 flex justify-end">
        <Button onClick={onClose} variant="primary">
          我已记下
        </Button>
      </div>
    </Dialog>
  );
}
