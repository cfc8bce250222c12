import { Button, Flex, Typography } from '@strapi/design-system';
import { Sparkle } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { SchemaFields } from '../../components/schema-form/SchemaField';
import {
  cleanValues,
  validateValues,
  type JsonObject,
  type ValidationProblem,
} from '../../utils/json-schema';
import { msg } from '../../utils/translations';
import type { WriterDescriptor } from '../../utils/writers';

interface WriterFormProps {
  writer: WriterDescriptor;
  values: JsonObject;
  onChange: (values: JsonObject) => void;
  /** Called with the cleaned, checked input. */
  onGenerate: (input: JsonObject) => void;
  busy: boolean;
}

/** A writer's options, built from its JSON Schema; Enter in a field generates. */
export const WriterForm = ({ writer, values, onChange, onGenerate, busy }: WriterFormProps) => {
  const { formatMessage } = useIntl();
  const [problems, setProblems] = useState<Record<string, ValidationProblem>>({});
  const schema = writer.optionsSchema;

  return (
    <form
      noValidate
      aria-label={formatMessage(msg('writer.form.label'))}
      onSubmit={(event) => {
        event.preventDefault();
        const input = cleanValues(schema, values);
        const found = validateValues(schema, input);
        setProblems(found);
        if (Object.keys(found).length === 0) onGenerate(input);
      }}
    >
      <Flex direction="column" alignItems="stretch" gap={5}>
        <SchemaFields
          path=""
          schema={schema}
          values={values}
          onChange={(next) => {
            onChange(next);
            // A corrected field should not keep its old complaint until the next Generate.
            if (Object.keys(problems).length)
              setProblems(validateValues(schema, cleanValues(schema, next)));
          }}
          required
          problems={problems}
          idPrefix={`writer-${writer.id}`}
          disabled={busy}
        />
        {Object.keys(problems).length ? (
          <Typography textColor="danger600" role="alert">
            {formatMessage(msg('writer.form.problems'))}
          </Typography>
        ) : null}
        <Flex justifyContent="flex-end">
          <Button type="submit" size="L" startIcon={<Sparkle />} loading={busy}>
            {formatMessage(msg('writer.generate'))}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
};
