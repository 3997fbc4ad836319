import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';
import { FirstFrameSignal } from '@/components/layout/first-frame-signal';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: '抓手 · 长治市目标进度平台', template: '%s · 抓手' },
  description: '年度目标、进度填报、领导驾驶舱与审计',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts), which a page
  // prerendered at build time could not.
  await connection();
  return (
    // FirstFrameSignal marks <html> once the first frame is shown, which may be before React hydrates it.
    <html lang="zh-CN" suppressHydrationWarning>
      <body className="min-h-screen antialiased">
        <Providers>{children}</Providers>
        <FirstFrameSignal />
      </body>
    </html>
  );
}
