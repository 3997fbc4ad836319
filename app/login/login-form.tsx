'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { signInMessage } from '@/lib/auth/sign-in-messages';
import { safeCallbackPath } from '@/lib/domain/safe-redirect';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';

export function LoginForm() {
  const [error, setError] = useState<string | null>(null);
  const [needTotp, setNeedTotp] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!username || !password) {
      setError(!username ? '请输入用户名。' : '请输入密码。');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await signIn('credentials', {
      username,
      password,
      totp: String(form.get('totp') ?? ''),
      redirect: false,
    });
    setBusy(false);
    if (result?.ok && !result.error) {
      const next = new URLSearchParams(window.location.search).get('callbackUrl');
      window.location.assign(safeCallbackPath(next, window.location.origin));
      return;
    }
    if (result?.error === 'totp_required') setNeedTotp(true);
    setError(signInMessage(result?.error ?? 'invalid'));
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <div>
        <label htmlFor="username" className="block text-sm text-gray-700">
          用户名
        </label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          className="mt-1 w-full rounded border border-gray-300 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm text-gray-700">
          密码
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded border border-gray-300 px-3 py-2"
        />
      </div>
      {needTotp ? (
        <div>
          <label htmlFor="totp" className="block text-sm text-gray-700">
            动态验证码
          </label>
          <input
            id="totp"
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            className="mt-1 w-full rounded border border-gray-300 px-3 py-2"
          />
        </div>
      ) : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Button type="submit" disabled={busy} variant="primary" size="lg" className="w-full">
        {busy ? '正在登录…' : '登录'}
      </Button>
    </form>
  );
}
