import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useUsage } from '../hooks/useUsage';
import { msg } from '../utils/translations';
import { LightProgressBar } from './JobProgress';

/** Today's AI tokens: against the daily quota when the user's roles have one. */
export const UsageMeter = () => {
  const { formatMessage, formatNumber, formatTime } = useIntl();
  const usage = useUsage().data?.data;
  if (!usage) return null;
  const used = formatNumber(usage.usedTokens);
  if (usage.quota === null) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage(msg('usage.unlimited'), { used })}
      </Typography>
    );
  }
  const share = usage.quota
    ? Math.min(100, Math.round((usage.usedTokens / usage.quota) * 100))
    : 100;
  return (
    <Flex direction="column" alignItems="flex-end" gap={1}>
      <Typography variant="pi" textColor={share >= 100 ? 'danger600' : 'neutral600'}>
        {formatMessage(msg(share >= 100 ? 'usage.exhausted' : 'usage.quota'), {
          used,
          quota: formatNumber(usage.quota),
          resetsAt: formatTime(usage.resetsAt, { hour: '2-digit', minute: '2-digit' }),
        })}
      </Typography>
      <LightProgressBar
        value={share}
        size="S"
        aria-label={formatMessage(msg('usage.label'), { share })}
      />
    </Flex>
  );
};
