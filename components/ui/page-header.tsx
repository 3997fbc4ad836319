import Link from '@/components/ui/link';
import type { ReactNode } from 'react';

/** Breadcrumb (where there is one), title, badges and the controls on the right: the head of every page. */
export function PageHeader({
  crumbs,
  title,
  badges,
  controls,
  subtitle,
}: {
  crumbs?: { href: string; label: string }[];
  title: ReactNode;
  badges?: ReactNode;
  controls?: ReactNode;
  subtitle?: ReactNode;
}) {
  return (
    <div className="space-y-1">
      {crumbs?.length ? (
        <nav aria-label="位置" className="no-print text-xs text-gray-600">
          <ol className="flex flex-wrap items-center gap-1">
            {crumbs.map((c) => (
              <li key={c.href} className="flex items-center gap-1">
                <Link href={c.href} className="hover:text-red-800 hover:underline">
                  {c.label}
                </Link>
                <span aria-hidden>›</span>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-xl font-semibold">{title}</h1>
        {badges}
        {controls ? <div className="ml-auto">{controls}</div> : null}
      </div>
      {subtitle ? <div className="text-sm text-gray-600">{subtitle}</div> : null}
    </div>
  );
}
