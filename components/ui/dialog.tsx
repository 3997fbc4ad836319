'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';
import { FormError } from './notice';

/**
 * A modal dialog (the native <dialog>: focus moves into it, Esc closes it, the page behind is inert).
 * Open while mounted: the parent mounts it to open and unmounts it on onClose.
 */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-black/40"
    >
      <div className="p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div className="mt-3">{children}</div>
      </div>
    </dialog>
  );
}

/** Asks before a destructive or far-reaching action; shows the server's refusal inside the dialog. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
  reason,
}: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
  /** A reason typed into the dialog (recorded in the audit log), where the action takes one. */
  reason?: { label: string; value: string; onChange: (value: string) => void };
}) {
  const reasonId = useId();
  return (
    <Dialog title={title} onClose={onClose}>
      <div className="text-sm text-gray-700">{message}</div>
      {reason ? (
        <div className="mt-3">
          <label htmlFor={reasonId} className="block text-sm text-gray-700">
            {reason.label}
          </label>
          <input
            id={reasonId}
            value={reason.value}
            onChange={(e) => reason.onChange(e.target.value)}
            className="mt-1 w-full rounded border border-gray-300 px-3 py-1.5 text-sm"
          />
        </div>
      ) : null}
      {error ? <FormError message={error} /> : null}
      <DialogButtons pending={pending} label={confirmLabel} onClose={onClose} onConfirm={onConfirm} />
    </Dialog>
  );
}

/**
 * A dialog's buttons: 取消, and the action — a form's submit button, or `onConfirm` where there is no form —
 * disabled and saying so while the request runs.
 */
export function DialogButtons({
  pending,
  label,
  onClose,
  onConfirm,
}: {
  pending: boolean;
  label: string;
  onClose: () => void;
  onConfirm?: () => void;
}) {
  return (
    <div className="mt-3 flex justify-end gap-2 pt-2">
      <Button onClick={onClose}>取消</Button>
      <Button type={onConfirm ? 'button' : 'submit'} variant="primary" onClick={onConfirm} disabled={pending}>
        {pending ? (onConfirm ? '处理中…' : '保存中…') : label}
      </Button>
    </div>
  );
}

/** A text field's value from a submitted form ('' when absent or a file). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
