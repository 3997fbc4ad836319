'use client';
import { TextField } from '@/components/ui/field';

/** One required setting: its form name, label, the saved value and the hint under it. */
export type SettingField = { name: string; label: string; value: string | number; hint: string };

/** A settings form's required fields, each with its hint and the server's errors for its name. */
export function SettingFields({
  fields,
  errors,
}: {
  fields: readonly SettingField[];
  errors: (name: string) => string[] | undefined;
}) {
  return fields.map((field) => (
    <TextField
      key={field.name}
      label={field.label}
      name={field.name}
      defaultValue={String(field.value)}
      hint={field.hint}
      errors={errors(field.name)}
      required
    />
  ));
}
