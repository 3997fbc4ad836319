'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ApiError, fetchJson } from '@/lib/client-api/client';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';

type Errors = Record<string, string[]>;

const PASSWORD_FIELDS = [
  { name: 'currentPassword', label: '当前密码', autoComplete: 'current-password' },
  { name: 'newPassword', label: '新密码', autoComplete: 'new-password' },
  { name: 'confirmPassword', label: '再次输入新密码', autoComplete: 'new-password' },
] as const;
const FIELD_KEYS = new Set<string>(PASSWORD_FIELDS.map((f) => f.name));

export function PasswordForm({ forced }: { forced: boolean }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const read = (name: string) => String(form.get(name) ?? '');
    const currentPassword = read('currentPassword');
    const newPassword = read('newPassword');
    if (newPassword !== read('confirmPassword')) {
      setErrors({ confirmPassword: ['两次输入的新密码不一致'] });
      setMessage(null);
      return;
    }
    setBusy(true);
    try {
      await fetchJson('/api/account/password', {
        method: 'POST',
        body: JSON.stringify({ currentPassword, newPassword }),
      });
      setErrors({});
      setMessage(null);
      setDone(true);
      // The app's layout re-reads the account on the server (and may ask for TOTP enrolment next).
      router.replace('/');
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? (error.fieldErrors ?? {}) : {};
      const besideFields =
        Object.keys(fieldErrors).length > 0 && Object.keys(fieldErrors).every((key) => FIELD_KEYS.has(key));
      setErrors(fieldErrors);
      // Field problems are shown beside their fields; the summary only points at them.
      setMessage(
        besideFields ? '请按提示修改后再保存' : error instanceof Error ? error.message : '修改失败，请稍后重试',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      {PASSWORD_FIELDS.map((f) => (
        <TextField
          key={f.name}
          type="password"
          name={f.name}
          label={f.label}
          hint={f.name === 'currentPassword' && forced ? '管理员提供的一次性密码' : undefined}
          errors={errors[f.name]}
          autoComplete={f.autoComplete}
        />
      ))}
      {message ? <Notice tone="error">{message}</Notice> : null}
      {done ? (
        <p role="status" className="text-sm text-green-800">
          密码已修改，正在进入系统…
        </p>
      ) : null}
      <Button type="submit" disabled={busy || done} variant="primary" size="lg">
        {busy ? '正在保存…' : '保存新密码'}
      </Button>
    </form>
  );
}
