import { Field, NumberInput } from '@strapi/design-system';
import { fieldId } from './public-draft';

interface NumberFieldProps {
  name: string;
  label: string;
  hint: string;
  value: number | undefined;
  error?: string;
  disabled: boolean;
  onChange(value: number | undefined): void;
}

/** A labelled whole-number input with its hint and its error, wired to each other for readers. */
export const NumberField = ({
  name,
  label,
  hint,
  value,
  error,
  disabled,
  onChange,
}: NumberFieldProps) => (
  <Field.Root name={name} id={fieldId(name)} hint={hint} error={error} required>
    <Field.Label>{label}</Field.Label>
    <NumberInput value={value} step={1} disabled={disabled} onValueChange={onChange} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
