import type { ButtonHTMLAttributes } from 'react';

/**
 * primary: the one action a form or dialog is for; success: approving (审核通过); secondary: the others;
 * danger: returns, undoes or removes; link: an action that reads as text; on-dark: on the header's and the
 * big screen's dark background.
 */
export type ButtonVariant = 'primary' | 'success' | 'secondary' | 'danger' | 'link' | 'on-dark';
/** sm: inside table rows; md: forms and toolbars; lg: a page's single action (sign-in). */
export type ButtonSize = 'sm' | 'md' | 'lg';

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'bg-red-700 text-white hover:bg-red-800',
  success: 'bg-green-700 text-white hover:bg-green-800',
  secondary: 'border border-gray-300 bg-white hover:bg-gray-50',
  danger: 'border border-red-300 bg-white text-red-800 hover:bg-red-50',
  link: 'text-red-800 underline-offset-2 hover:underline',
  'on-dark': 'border border-white/40 hover:bg-white/15',
};

const SIZES: Record<ButtonSize, string> = {
  sm: 'px-2 py-0.5 text-xs',
  md: 'px-3 py-1.5 text-sm',
  lg: 'px-4 py-2',
};

/** The classes of a button, for a link that looks like one (a download, a page's main action). */
export function buttonClass({
  variant = 'secondary',
  size = 'md',
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  const shape = variant === 'link' ? '' : `rounded ${SIZES[size]}`;
  return [shape, VARIANTS[variant], 'disabled:cursor-not-allowed disabled:opacity-60', className]
    .filter(Boolean)
    .join(' ');
}

/** A button: type="button" unless told otherwise, so a button inside a form never submits it by accident. */
export function Button({
  variant,
  size,
  className,
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}
