import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/session/session';
import { LoginForm } from './login-form';
import type { SearchPageProps } from '@/lib/validation/period';

export const metadata: Metadata = { title: '登录' };
export const dynamic = 'force-dynamic';

export default async function LoginPage({ searchParams }: SearchPageProps) {
  if (await getSessionUser()) redirect('/');
  const expired = (await searchParams).expired === '1';
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-red-800 to-red-950 px-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow-xl">
        <h1 className="text-center text-2xl font-semibold text-red-800">抓手</h1>
        <p className="mt-1 text-center text-sm text-gray-600">长治市七个主抓手目标进度平台</p>
        {expired ? (
          <p
            role="status"
            className="mt-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            登录已超时，请重新登录
          </p>
        ) : null}
        <LoginForm />
        <p className="mt-6 text-center text-xs text-gray-500">仅限授权用户使用 · 所有操作均记录审计日志</p>
      </div>
    </main>
  );
}
