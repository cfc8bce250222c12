import {
  Box,
  Checkbox,
  Field,
  Flex,
  MultiSelect,
  MultiSelectOption,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import type { ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import { useOptionText } from '../../hooks/useOptionText';
import {
  fieldKindOf,
  isJsonObject,
  type JsonObject,
  type JsonSchema,
  type JsonValue,
  type ValidationProblem,
} from '../../utils/json-schema';
import { ListInput } from './ListInput';
import { LocaleSelect } from './LocaleSelect';
import { problemMessage } from './messages';

export interface SchemaFieldProps {
  /** Dotted path from the form's root (`keywords.primary`): ids, labels and errors use it. */
  path: string;
  schema: JsonSchema;
  value: JsonValue | undefined;
  onChange: (value: JsonValue | undefined) => void;
  required: boolean;
  problems: Record<string, ValidationProblem>;
  idPrefix: string;
  disabled?: boolean;
}

const asString = (value: JsonValue | undefined) => (typeof value === 'string' ? value : '');
const asStrings = (value: JsonValue | undefined) =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** One option of a writer, edited with the input its JSON Schema calls for. */
export const SchemaField = (props: SchemaFieldProps) => {
  const { path, schema, value, onChange, required, problems, idPrefix, disabled } = props;
  const { formatMessage } = useIntl();
  const text = useOptionText();
  const kind = fieldKindOf(schema);
  const id = `${idPrefix}-${path.replace(/\./g, '-')}`;
  const label = text.label(path, schema.description);
  const problem = problems[path];
  const error = problem
    ? formatMessage(problemMessage(problem), 'limit' in problem ? { limit: problem.limit } : {})
    : undefined;

  if (kind === undefined) return null;

  if (kind === 'object') {
    return (
      <Box tag="fieldset" borderColor="neutral200" hasRadius padding={4}>
        <Typography
          tag="legend"
          variant="sigma"
          textColor="neutral600"
          paddingLeft={1}
          paddingRight={1}
        >
          {label}
        </Typography>
        <SchemaFields
          path={path}
          schema={schema}
          values={isJsonObject(value) ? value : {}}
          onChange={onChange}
          required={required}
          problems={problems}
          idPrefix={idPrefix}
          disabled={disabled}
        />
      </Box>
    );
  }

  if (kind === 'boolean') {
    return (
      <Checkbox
        id={id}
        name={path}
        checked={value === true}
        disabled={disabled}
        onCheckedChange={(checked) => onChange(checked === true)}
      >
        {label}
      </Checkbox>
    );
  }

  return (
    <Field.Root id={id} name={path} required={required} error={error}>
      <Field.Label>{label}</Field.Label>
      {kind === 'text' ? (
        <TextInput
          value={asString(value)}
          disabled={disabled}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        />
      ) : kind === 'locale' ? (
        <LocaleSelect value={asString(value)} disabled={disabled} onChange={onChange} />
      ) : kind === 'longText' ? (
        <Textarea
          value={asString(value)}
          disabled={disabled}
          onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
        />
      ) : kind === 'number' ? (
        <NumberInput
          value={typeof value === 'number' ? value : undefined}
          disabled={disabled}
          step={1}
          onValueChange={(next) => onChange(next)}
        />
      ) : kind === 'enum' ? (
        <SingleSelect
          value={typeof value === 'string' || typeof value === 'number' ? value : ''}
          disabled={disabled}
          onChange={(next: string | number) => onChange(next)}
          onClear={required || schema.default !== undefined ? undefined : () => onChange(undefined)}
        >
          {(schema.enum ?? []).map((option) => (
            <SingleSelectOption key={option} value={option}>
              {text.value(option)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      ) : kind === 'enumList' ? (
        <MultiSelect
          value={asStrings(value)}
          disabled={disabled}
          withTags
          onChange={(next: string[]) => onChange(next)}
          customizeContent={(selected) => (selected ?? []).map(text.value).join(', ')}
        >
          {(schema.items?.enum ?? []).map((option) => (
            <MultiSelectOption key={option} value={String(option)}>
              {text.value(option)}
            </MultiSelectOption>
          ))}
        </MultiSelect>
      ) : (
        <ListInput value={asStrings(value)} disabled={disabled} onChange={onChange} />
      )}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

interface SchemaFieldsProps extends Omit<SchemaFieldProps, 'value' | 'onChange'> {
  values: JsonObject;
  onChange: (values: JsonObject) => void;
}

/**
 * The properties of an object schema, in the server's order. A property is only marked
 * required when its object is: the primary keyword is needed once keywords are given at all,
 * which the form's own check says, not the browser's.
 */
export const SchemaFields = ({
  path,
  schema,
  values,
  onChange,
  required,
  ...rest
}: SchemaFieldsProps) => (
  <Flex direction="column" alignItems="stretch" gap={4}>
    {Object.entries(schema.properties ?? {}).map(([name, property]) => (
      <SchemaField
        {...rest}
        key={name}
        path={path ? `${path}.${name}` : name}
        schema={property}
        value={values[name]}
        required={required && (schema.required?.includes(name) ?? false)}
        onChange={(next) => {
          const { [name]: _previous, ...others } = values;
          onChange(next === undefined ? others : { ...others, [name]: next });
        }}
      />
    ))}
  </Flex>
);
