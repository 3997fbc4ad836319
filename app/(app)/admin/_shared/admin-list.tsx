'use client';
import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useQueryView, type QueryFallbacks } from '@/components/query/use-page-query';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';

const FALLBACKS: QueryFallbacks = {
  loading: <div className="h-64 animate-pulse rounded-lg bg-gray-200" aria-label="加载中" />,
  failed: (message) => <Notice tone="error">加载失败：{message}</Notice>,
};

/** An admin list's query: its data, or the grey block while it loads and the error when it failed. */
export function useAdminQuery<TQueryFnData, TData, TQueryKey extends QueryKey>(
  options: UseQueryOptions<TQueryFnData, Error, TData, TQueryKey>,
) {
  return useQueryView(options, FALLBACKS);
}

/**
 * An admin list's dialogs: which one is open (`D` says which and on what row), and the notice the last one left
 * (`done` leaves it and closes the dialog).
 */
export function useAdminDialogs<D>(initialNotice?: string | null) {
  const [dialog, setDialog] = useState<D | null>(null);
  const [notice, setNotice] = useState<string | null>(initialNotice ?? null);
  const close = () => setDialog(null);
  const done = (message: string) => {
    setNotice(message);
    close();
  };
  return { dialog, setDialog, close, notice, setNotice, done };
}

/** The head of an admin list: its title, a line saying what it holds, and the button that creates a new one. */
export function AdminListHeader({
  title,
  summary,
  create,
}: {
  title: ReactNode;
  summary: ReactNode;
  create?: { label: string; onClick: () => void };
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <h1 className="text-xl font-semibold">{title}</h1>
      <span className="text-sm text-gray-600">{summary}</span>
      {create ? (
        <Button onClick={create.onClick} variant="primary" className="ml-auto">
          {create.label}
        </Button>
      ) : null}
    </div>
  );
}

/** Whether a row matches a list's search box: all rows while it is empty, else those with a text containing it (any case). */
export function matchesSearch(search: string, ...texts: string[]): boolean {
  const q = search.trim().toLowerCase();
  return q === '' || texts.some((text) => text.toLowerCase().includes(q));
}
