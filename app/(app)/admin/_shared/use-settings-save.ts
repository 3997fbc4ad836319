'use client';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/client-api/client';
import { toFormProblem } from './format';

/**
 * A settings form that saves in place, against the version it was loaded with: `submit(toInput)` is its onSubmit
 * (the form read into the input `save` takes); `problem` is the server's refusal, its field errors for `fields`;
 * `footer` is what FormFooter shows (the refusal, 载入最新设置 when someone saved first, `savedMessage` once saved).
 * A save fetches the `invalidate`d queries again, in order; 载入最新设置 fetches the first.
 */
export function useSettingsSave<I>({
  save: mutationFn,
  invalidate,
  fields,
  savedMessage,
}: {
  save: (input: I) => Promise<unknown>;
  invalidate: readonly [QueryKey, ...QueryKey[]];
  fields: readonly string[];
  savedMessage: string;
}) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn,
    onSuccess: async () => {
      setSaved(true);
      for (const queryKey of invalidate) await queryClient.invalidateQueries({ queryKey });
    },
  });
  const problem = save.error ? toFormProblem(save.error, fields) : null;
  const isStale = save.error instanceof ApiError && save.error.status === 409;
  const submit = (toInput: (form: FormData) => I) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(toInput(new FormData(event.currentTarget)));
  };
  const footer = {
    error: problem?.message,
    onReload: isStale ? () => void queryClient.invalidateQueries({ queryKey: invalidate[0] }) : null,
    saved: saved ? savedMessage : null,
    pending: save.isPending,
  };
  return { problem, submit, footer };
}
