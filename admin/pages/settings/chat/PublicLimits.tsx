import { Flex, Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { msg, type TranslationKey } from '../../../utils/translations';
import { NumberField } from './NumberField';
import { LIMIT_FIELDS, rangeOf, type LimitField, type PublicDraft } from './public-draft';

const LIMIT_TEXT: Record<LimitField, { label: TranslationKey; hint: TranslationKey }> = {
  dailyTokenBudget: {
    label: 'chat.settings.public.dailyTokenBudget',
    hint: 'chat.settings.public.dailyTokenBudget.hint',
  },
  perIpPerMinute: {
    label: 'chat.settings.public.perIpPerMinute',
    hint: 'chat.settings.public.perIpPerMinute.hint',
  },
  perUserPerMinute: {
    label: 'chat.settings.public.perUserPerMinute',
    hint: 'chat.settings.public.perUserPerMinute.hint',
  },
  questionMax: {
    label: 'chat.settings.public.questionMax',
    hint: 'chat.settings.public.questionMax.hint',
  },
};

interface PublicLimitsProps {
  values: Pick<PublicDraft, LimitField>;
  disabled: boolean;
  errorOf(field: LimitField): string | undefined;
  onChange(field: LimitField, value: number | undefined): void;
}

/** The daily token budget, the rate limits and the question length, each with its range. */
export const PublicLimits = ({ values, disabled, errorOf, onChange }: PublicLimitsProps) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="delta" tag="h3">
        {formatMessage(msg('chat.settings.public.limits'))}
      </Typography>
      <Grid.Root gap={4}>
        {LIMIT_FIELDS.map((field) => (
          <Grid.Item key={field} col={6} xs={12} direction="column" alignItems="stretch">
            <NumberField
              name={field}
              label={formatMessage(msg(LIMIT_TEXT[field].label))}
              hint={formatMessage(msg(LIMIT_TEXT[field].hint), rangeOf(field))}
              value={values[field]}
              error={errorOf(field)}
              disabled={disabled}
              onChange={(value) => onChange(field, value)}
            />
          </Grid.Item>
        ))}
      </Grid.Root>
    </Flex>
  );
};
