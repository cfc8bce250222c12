import { TextInput } from '@strapi/design-system';
import { useEffect, useState, type ChangeEvent } from 'react';

const split = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

interface ListInputProps {
  value: readonly string[];
  onChange: (value: string[]) => void;
  disabled?: boolean;
}

/**
 * A list of short strings (secondary keywords) typed as comma-separated text. The text is kept
 * as typed, so a trailing comma or space does not vanish under the cursor; only a change from
 * outside (a duplicated input) rewrites it.
 */
export const ListInput = ({ value, onChange, disabled }: ListInputProps) => {
  const [text, setText] = useState(() => value.join(', '));

  useEffect(() => {
    setText((current) =>
      split(current).join('\u0000') === value.join('\u0000') ? current : value.join(', '),
    );
  }, [value]);

  return (
    <TextInput
      value={text}
      disabled={disabled}
      onChange={(event: ChangeEvent<HTMLInputElement>) => {
        setText(event.target.value);
        onChange(split(event.target.value));
      }}
    />
  );
};
