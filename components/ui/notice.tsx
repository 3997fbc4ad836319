import type { ReactNode } from 'react';

/** info: context; success: a change went through; warning: something to attend to; error: it did not. */
export type NoticeTone = 'info' | 'success' | 'warning' | 'error' | 'neutral';

const TONES: Record<NoticeTone, string> = {
  info: 'border-sky-200 bg-sky-50 text-sky-900',
  success: 'border-green-200 bg-green-50 text-green-900',
  warning: 'border-amber-200 bg-amber-50 text-amber-900',
  error: 'border-red-200 bg-red-50 text-red-800',
  neutral: 'border-gray-300 bg-gray-100 text-gray-800',
};

/**
 * A message in a box. Errors are announced at once (role="alert"), results of an action politely
 * (role="status"); context that was there from the start has no role.
 */
export function Notice({
  tone = 'info',
  role = tone === 'error' ? 'alert' : tone === 'success' || tone === 'neutral' ? 'status' : undefined,
  children,
  className,
}: {
  tone?: NoticeTone;
  /** Overrides the tone's: a warning that answers what the user just did is a status; a 示例数据 caveat a note. */
  role?: 'alert' | 'status' | 'note';
  children: ReactNode;
  className?: string;
}) {
  return (
    <p role={role} className={['rounded border px-3 py-2 text-sm', TONES[tone], className].filter(Boolean).join(' ')}>
      {children}
    </p>
  );
}

/** The server's refusal under a form or inside a dialog. */
export function FormError({ message }: { message: string }) {
  return (
    <Notice tone="error" className="mt-3">
      <span aria-hidden>⚠ </span>
      {message}
    </Notice>
  );
}
