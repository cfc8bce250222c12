import { Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { OutputSlot, TargetField } from '../../../contracts/writers';
import { msg } from '../../utils/translations';
import { isOutputSlot, NOT_MAPPED } from './mapping';

interface FieldMappingProps {
  fields: readonly TargetField[];
  /** The pieces this output has: only those are offered. */
  slots: readonly OutputSlot[];
  mapping: Partial<Record<string, OutputSlot>>;
  onChange: (mapping: Partial<Record<string, OutputSlot>>) => void;
}

/** For each field of the chosen type, which part of the output goes into it, if any. */
export const FieldMapping = ({ fields, slots, mapping, onChange }: FieldMappingProps) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="delta" tag="h3">
        {formatMessage(msg('save.mapping'))}
      </Typography>
      {fields.map((field) => (
        <Field.Root
          key={field.path}
          id={`save-field-${field.path.replace(/\./g, '-')}`}
          name={field.path}
          hint={formatMessage(msg(field.required ? 'save.field.required' : 'save.field.type'), {
            type: field.type,
          })}
        >
          <Field.Label>{field.path}</Field.Label>
          <SingleSelect
            value={mapping[field.path] ?? NOT_MAPPED}
            onChange={(value: string | number) => {
              const { [field.path]: _previous, ...others } = mapping;
              const slot = String(value);
              onChange(isOutputSlot(slot) ? { ...others, [field.path]: slot } : others);
            }}
          >
            <SingleSelectOption value={NOT_MAPPED}>
              {formatMessage(msg('save.notMapped'))}
            </SingleSelectOption>
            {slots.map((slot) => (
              <SingleSelectOption key={slot} value={slot}>
                {formatMessage(msg(`slot.${slot}`))}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Hint />
        </Field.Root>
      ))}
    </Flex>
  );
};
