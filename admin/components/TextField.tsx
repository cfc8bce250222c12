import { Field, TextInput, Textarea } from '@strapi/design-system';

interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  /** A text area instead of one line. */
  multiline?: boolean;
  type?: 'text' | 'date' | 'time' | 'datetime-local';
  step?: number;
}

/** A labelled text input (or area) with its hint, as every form here lays one out. */
export const TextField = ({
  name,
  label,
  value,
  onChange,
  hint,
  required,
  disabled,
  multiline,
  type,
  step,
}: TextFieldProps) => {
  const change = (event: { target: { value: string } }) => onChange(event.target.value);
  return (
    <Field.Root name={name} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      {multiline ? (
        <Textarea value={value} disabled={disabled} onChange={change} />
      ) : (
        <TextInput value={value} disabled={disabled} onChange={change} type={type} step={step} />
      )}
      {hint ? <Field.Hint /> : null}
    </Field.Root>
  );
};
