import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { LightProgressBar } from '../../../components/JobProgress';
import { JobStatusBadge } from '../../../components/JobStatusBadge';
import { msg } from '../../../utils/translations';
import { isRunning, type RebuildJobState } from './useRebuildJob';

/** The last "Re-index all": its bar and stage while it runs, how it ended once it has. */
export const ReindexStatus = ({ job }: { job: RebuildJobState }) => {
  const { formatMessage } = useIntl();
  const running = isRunning(job.status);
  const progressLabel = formatMessage(msg('chat.settings.reindex.progress'));
  const text = running
    ? (job.stage ??
      formatMessage(
        msg(
          job.status === 'queued'
            ? 'chat.settings.reindex.queued'
            : 'chat.settings.reindex.running',
        ),
      ))
    : job.status === 'succeeded'
      ? formatMessage(msg('chat.settings.reindex.succeeded'))
      : job.status === 'canceled'
        ? formatMessage(msg('chat.settings.reindex.canceled'))
        : job.error
          ? formatMessage(msg('chat.settings.reindex.failedWith'), { error: job.error })
          : formatMessage(msg('chat.settings.reindex.failed'));

  return (
    <Box background="neutral100" hasRadius padding={4}>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex gap={3} alignItems="center">
          <JobStatusBadge status={job.status} />
          {running ? (
            <>
              <LightProgressBar
                value={job.percent}
                aria-label={progressLabel}
                style={{ flex: 1 }}
              />
              <Typography variant="pi" textColor="neutral600">
                {job.percent}%
              </Typography>
            </>
          ) : null}
        </Flex>
        {/* Stage changes and the outcome are read out as they come. */}
        <Typography
          aria-live="polite"
          textColor={job.status === 'failed' ? 'danger600' : 'neutral700'}
        >
          {text}
        </Typography>
        {running && job.liveError ? (
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(msg('chat.settings.reindex.noLive'), { error: job.liveError })}
          </Typography>
        ) : null}
      </Flex>
    </Box>
  );
};
