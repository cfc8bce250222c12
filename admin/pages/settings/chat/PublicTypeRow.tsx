import { Box, Checkbox, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useId, type ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import { msg } from '../../../utils/translations';
import { fieldId, type PublicTypeDraft } from './public-draft';

/** An example, not words to translate: the braces would also read as a message argument. */
const URL_PATTERN_PLACEHOLDER = '/blog/{slug}';

interface PublicTypeRowProps {
  uid: string;
  /** The type's name; its uid when the list of types could not be read. */
  name: string;
  value: PublicTypeDraft;
  /** Whether the content index holds it: the assistant answers from nothing else. */
  indexed: boolean | undefined;
  disabled: boolean;
  error?: string;
  onChange(value: PublicTypeDraft): void;
}

/**
 * One type: "Answer from it" and the address of its entries on the site. A named group, so
 * the same two labels on every type still say which type they are for.
 */
export const PublicTypeRow = ({
  uid,
  name,
  value,
  indexed,
  disabled,
  error,
  onChange,
}: PublicTypeRowProps) => {
  const { formatMessage } = useIntl();
  const nameId = useId();
  return (
    <Box role="group" aria-labelledby={nameId} padding={4} hasRadius borderColor="neutral200">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex gap={4} wrap="wrap" justifyContent="space-between">
          <Typography id={nameId} fontWeight="bold">
            {name}
          </Typography>
          <Checkbox
            checked={value.on}
            disabled={disabled}
            onCheckedChange={(checked) => onChange({ ...value, on: checked === true })}
          >
            {formatMessage(msg('chat.settings.public.answerFrom'))}
          </Checkbox>
        </Flex>
        {/* Kept in view while off: the pattern typed is what turning it on again restores. */}
        <PatternField
          uid={uid}
          value={value.urlPattern}
          disabled={disabled || !value.on}
          required={value.on}
          error={error}
          onChange={(urlPattern) => onChange({ ...value, urlPattern })}
        />
        {value.on && indexed === false ? (
          <Typography variant="pi" textColor="warning600">
            {formatMessage(msg('chat.settings.public.notIndexed'))}
          </Typography>
        ) : null}
      </Flex>
    </Box>
  );
};

interface PatternFieldProps {
  uid: string;
  value: string;
  disabled: boolean;
  required: boolean;
  error?: string;
  onChange(value: string): void;
}

/** Not the shared TextField: that one takes neither a placeholder nor an error. */
const PatternField = ({ uid, value, disabled, required, error, onChange }: PatternFieldProps) => {
  const { formatMessage } = useIntl();
  return (
    <Field.Root
      name={`types.${uid}.urlPattern`}
      id={fieldId(`types.${uid}.urlPattern`)}
      hint={formatMessage(msg('chat.settings.public.urlPattern.hint'))}
      error={error}
      required={required}
    >
      <Field.Label>{formatMessage(msg('chat.settings.public.urlPattern'))}</Field.Label>
      <TextInput
        value={value}
        disabled={disabled}
        placeholder={URL_PATTERN_PLACEHOLDER}
        autoComplete="off"
        spellCheck={false}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
