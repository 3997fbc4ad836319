'use client';

import Link from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ApiError, fetchJson } from '@/lib/client-api/client';
import { Button } from '@/components/ui/button';

type Step = { kind: 'intro' } | { kind: 'scan'; secret: string; qrSvg: string } | { kind: 'codes'; codes: string[] };

/** Groups a base32 secret in fours for reading and typing; spaces are ignored by authenticator apps. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

export function MfaEnrollment({ enabled }: { enabled: boolean }) {
  const router = useRouter();
  const [step, setStep] = useState<Step>({ kind: 'intro' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; code?: string[] } | null>(null);
  const [saved, setSaved] = useState(false);

  const fail = (e: unknown) =>
    setError({
      message: e instanceof Error ? e.message : '操作失败，请稍后重试',
      code: e instanceof ApiError ? e.fieldErrors?.code : undefined,
    });

  async function start() {
    setBusy(true);
    setError(null);
    try {
      const result = await fetchJson<{ secret: string; qrSvg: string }>('/api/account/mfa', { method: 'POST' });
      setStep({ kind: 'scan', secret: result.secret, qrSvg: result.qrSvg });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      const result = await fetchJson<{ recoveryCodes: string[] }>('/api/account/mfa', {
        method: 'PUT',
        body: JSON.stringify({ code }),
      });
      setStep({ kind: 'codes', codes: result.recoveryCodes });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  const errorBox = error ? (
    <p
      id="mfa-error"
      role="alert"
      className="mt-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      {error.code?.join('；') ?? error.message}
    </p>
  ) : null;

  if (enabled && step.kind === 'intro') {
    return (
      <div className="space-y-3 text-sm text-gray-700">
        <p className="text-gray-900">状态：已启用</p>
        <p>
          登录时需要输入身份验证器 App 中的 6
          位动态验证码。手机丢失时可用一次性恢复码登录，或联系系统管理员重置双因素认证。
        </p>
        <Link href="/" className="inline-block text-red-800 underline">
          返回总览
        </Link>
      </div>
    );
  }
  if (step.kind === 'intro') {
    return (
      <div className="space-y-3 text-sm text-gray-700">
        <p className="text-gray-900">状态：未启用</p>
        <p>
          双因素认证：登录时除密码外，还需输入手机身份验证器 App（如 Microsoft Authenticator、Google
          身份验证器、FreeOTP）生成的 6 位动态验证码。
        </p>
        <Button onClick={start} disabled={busy} variant="primary" size="lg">
          {busy ? '正在生成…' : '开始绑定'}
        </Button>
        {errorBox}
      </div>
    );
  }
  if (step.kind === 'scan') {
    return (
      <div className="space-y-4 text-sm text-gray-700">
        <p>第 1 步：用身份验证器 App 扫描二维码。</p>
        <div
          role="img"
          aria-label="绑定二维码（用身份验证器 App 扫描）"
          className="h-48 w-48 border border-gray-200 bg-white p-1 [&>svg]:h-full [&>svg]:w-full"
          dangerouslySetInnerHTML={{ __html: step.qrSvg }}
        />
        <p>
          无法扫描时，在 App 中选择“手动输入密钥”，输入：
          <code
            data-testid="totp-secret"
            aria-label="密钥"
            className="ml-1 rounded bg-gray-100 px-2 py-1 font-mono select-all"
          >
            {grouped(step.secret)}
          </code>
        </p>
        <form onSubmit={confirm} noValidate className="max-w-xs space-y-2">
          <label htmlFor="code" className="block text-gray-900">
            第 2 步：输入 App 显示的 6 位动态验证码
          </label>
          <input
            id="code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            aria-invalid={Boolean(error?.code)}
            aria-describedby={error ? 'mfa-error' : undefined}
            className="w-full rounded border border-gray-300 px-3 py-2 font-mono tracking-widest"
          />
          <Button type="submit" disabled={busy} variant="primary" size="lg">
            {busy ? '正在验证…' : '确认绑定'}
          </Button>
        </form>
        {errorBox}
      </div>
    );
  }
  return (
    <div className="space-y-4 text-sm text-gray-700">
      <p role="status" className="text-gray-900">
        双因素认证已启用。
      </p>
      <p>
        下面是 10 个<strong>一次性恢复码</strong>：手机丢失时，可在“动态验证码”处输入其中一个登录，每个只能用一次。
        <strong>它们只显示这一次</strong>，请抄写或打印后妥善保管。
      </p>
      <ol aria-label="恢复码" className="grid max-w-sm grid-cols-2 gap-2 font-mono">
        {step.codes.map((code) => (
          <li key={code} className="rounded bg-gray-100 px-2 py-1 text-center">
            {code}
          </li>
        ))}
      </ol>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
        我已妥善保存这些恢复码
      </label>
      <Button disabled={!saved} onClick={() => router.replace('/')} variant="primary" size="lg">
        完成
      </Button>
    </div>
  );
}
