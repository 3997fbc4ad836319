import type { ReactNode } from 'react';

export function Panel({
  title,
  id,
  children,
  aside,
}: {
  title: string;
  id: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="flex min-h-0 flex-col rounded-lg border border-slate-700/70 bg-slate-900/70 p-4"
    >
      <div className="mb-2 flex items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold tracking-wide text-slate-100 2xl:text-xl">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
