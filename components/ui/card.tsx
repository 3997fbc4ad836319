import type { ReactNode } from 'react';

const TONES = {
  plain: 'border-gray-200 bg-white',
  /** Quoted source text (报告原文). */
  quote: 'border-amber-200 bg-amber-50/60',
} as const;

/**
 * A titled card: a section named by its h2 (aria-labelledby `titleId`), with the controls that belong to it (a year
 * select) beside the title.
 */
export function Card({
  titleId,
  title,
  controls,
  size = 'base',
  tone = 'plain',
  id,
  className,
  children,
}: {
  titleId: string;
  title: ReactNode;
  controls?: ReactNode;
  /** lg: a settings page's sections; base: a card among others on a dashboard. */
  size?: 'base' | 'lg';
  tone?: keyof typeof TONES;
  /** The section's own id, for a link to it (#reminders). */
  id?: string;
  className?: string;
  children: ReactNode;
}) {
  const heading = (
    <h2 id={titleId} className={`${size === 'lg' ? 'text-lg' : 'text-base'} font-semibold`}>
      {title}
    </h2>
  );
  return (
    <section
      id={id}
      aria-labelledby={titleId}
      className={['rounded-lg border p-4 shadow-sm', TONES[tone], className].filter(Boolean).join(' ')}
    >
      {controls ? (
        <div className="flex flex-wrap items-end gap-3">
          {heading}
          {controls}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
