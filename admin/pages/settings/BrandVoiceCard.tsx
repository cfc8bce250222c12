import { Box, Field, Textarea, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { BRAND_VOICE_MAX } from '../../../contracts/settings';
import { msg } from '../../utils/translations';

interface BrandVoiceCardProps {
  value: string;
  onChange(value: string): void;
  canUpdate: boolean;
}

/** The house style guide, applied to every writer's prompt. */
export const BrandVoiceCard = ({ value, onChange, canUpdate }: BrandVoiceCardProps) => {
  const { formatMessage } = useIntl();
  const tooLong = value.length > BRAND_VOICE_MAX;
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Field.Root
        name="brandVoice"
        hint={formatMessage(msg('settings.brandVoice.hint'), { max: BRAND_VOICE_MAX })}
        error={
          tooLong
            ? formatMessage(msg('settings.brandVoice.tooLong'), { max: BRAND_VOICE_MAX })
            : undefined
        }
      >
        <Field.Label>
          <Typography variant="delta" tag="span">
            {formatMessage(msg('settings.brandVoice'))}
          </Typography>
        </Field.Label>
        <Textarea
          value={value}
          disabled={!canUpdate}
          placeholder={formatMessage(msg('settings.brandVoice.placeholder'))}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </Box>
  );
};
