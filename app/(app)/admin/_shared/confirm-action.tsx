'use client';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import { ConfirmDialog } from '@/components/ui/dialog';
import { toFormProblem } from './format';

/**
 * A confirmation that runs one admin action: `action` when confirmed (the button busy meanwhile), the server's
 * refusal shown in the dialog, and on success the `invalidate`d queries fetched again before `onDone`.
 */
export function ConfirmAction<T>({
  action,
  invalidate,
  onDone,
  ...dialog
}: Omit<ComponentProps<typeof ConfirmDialog>, 'pending' | 'error' | 'onConfirm'> & {
  action: () => Promise<T>;
  invalidate: QueryKey;
  onDone: (result: T) => void;
}) {
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: action,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: invalidate });
      onDone(result);
    },
  });
  return (
    <ConfirmDialog
      {...dialog}
      pending={run.isPending}
      error={run.error ? toFormProblem(run.error).message : null}
      onConfirm={() => run.mutate()}
    />
  );
}
