import { Field, Flex, Radio, TextInput, Typography } from '@strapi/design-system';
import { useId, type ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/translations';
import type { OutlineDraft } from './draft';

interface TitleChoiceProps {
  options: readonly string[];
  value: Pick<OutlineDraft, 'choice' | 'customTitle'>;
  onChange: (value: Pick<OutlineDraft, 'choice' | 'customTitle'>) => void;
}

/** The post's title: one the model proposed, or the user's own. */
export const TitleChoice = ({ options, value, onChange }: TitleChoiceProps) => {
  const { formatMessage } = useIntl();
  const id = useId();
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography id={`${id}-label`} variant="delta" tag="h3">
        {formatMessage(msg('outline.title'))}
      </Typography>
      <Radio.Group
        aria-labelledby={`${id}-label`}
        value={String(value.choice)}
        onValueChange={(choice) =>
          onChange({ ...value, choice: choice === 'custom' ? 'custom' : Number(choice) })
        }
      >
        {options.map((option, i) => (
          <Radio.Item key={i} value={String(i)}>
            {option}
          </Radio.Item>
        ))}
        <Radio.Item value="custom">{formatMessage(msg('outline.title.custom'))}</Radio.Item>
      </Radio.Group>
      {value.choice === 'custom' ? (
        <Field.Root id={`${id}-custom`} name="customTitle" required>
          <Field.Label>{formatMessage(msg('outline.title.customLabel'))}</Field.Label>
          <TextInput
            autoFocus
            value={value.customTitle}
            maxLength={200}
            onChange={(event: ChangeEvent<HTMLInputElement>) =>
              onChange({ ...value, customTitle: event.target.value })
            }
          />
        </Field.Root>
      ) : null}
    </Flex>
  );
};
