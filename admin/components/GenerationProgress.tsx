import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import type { GenerationView } from '../../contracts/generations';
import { TERMINAL_STATUSES, type JobView } from '../../contracts/jobs';
import type { BlogStepDetail } from '../../contracts/writers';
import { ACTIONS } from '../../contracts/permissions';
import { errorMessage, useApi } from '../hooks/useApi';
import { useJobEvents } from '../hooks/useJobEvents';
import { usePermissions } from '../hooks/usePermissions';
import { generationKey } from '../hooks/useWriterData';
import { isBlogDraft } from '../utils/outputs';
import { msg } from '../utils/translations';
import { JobProgress } from './JobProgress';
import { JobStatusBadge } from './JobStatusBadge';

const isStepDetail = (detail: unknown): detail is BlogStepDetail =>
  typeof (detail as Partial<BlogStepDetail> | null)?.text === 'string';

/**
 * A queued generation (the long-form blog) as it runs: the bar, the step, the current step's
 * text as it is written, and Cancel. The page may have been closed and reopened meanwhile; the
 * event stream starts with where the job stands. Each new step means a part finished, so the
 * generation is fetched again to show it.
 */
export const GenerationProgress = ({ generation }: { generation: GenerationView }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useApi();
  const queryClient = useQueryClient();
  const { can } = usePermissions();
  const { documentId, status } = generation;
  const active = !TERMINAL_STATUSES.includes(status);
  const events = useJobEvents(documentId, active);
  const jobStatus = events.job?.status;
  const stage = events.progress?.stage ?? events.job?.stage ?? null;

  useEffect(() => {
    if (stage === null && jobStatus === undefined) return;
    void queryClient.invalidateQueries({ queryKey: generationKey(documentId) });
  }, [queryClient, documentId, stage, jobStatus]);

  const cancel = useMutation({
    mutationFn: () => api.post<JobView>(`/generations/${documentId}/cancel`),
    onSuccess: () => {
      toggleNotification({ type: 'success', message: formatMessage(msg('jobs.canceled')) });
      void queryClient.invalidateQueries({ queryKey: generationKey(documentId) });
    },
    onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
  });

  const percent =
    status === 'succeeded'
      ? 100
      : Math.round(events.progress?.percent ?? events.job?.progress ?? 0);
  const detail = active ? (events.progress?.detail ?? events.job?.detail) : undefined;
  const liveText = isStepDetail(detail) ? detail.text : '';
  // The step in the reader's language while it runs; the server's own words (waiting to resume,
  // retrying) otherwise.
  const stageText =
    status === 'running' && isStepDetail(detail)
      ? formatMessage(msg(`writer.stage.${detail.step}`), {
          number: detail.section?.number,
          of: detail.section?.of,
          heading: detail.section?.heading,
        })
      : stage;

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex justifyContent="space-between" gap={4} wrap="wrap">
        <Flex gap={3}>
          <JobStatusBadge status={status} />
          <JobProgress value={percent} />
        </Flex>
        {/* The server lets its author or a jobs manager stop it, and says so otherwise. */}
        {active && can(ACTIONS.writerUse) ? (
          <Button
            variant="danger-light"
            startIcon={<Cross />}
            onClick={() => cancel.mutate()}
            loading={cancel.isPending}
          >
            {formatMessage(msg('writer.cancelJob'))}
          </Button>
        ) : null}
      </Flex>
      <Typography textColor="neutral700" aria-live="polite">
        {active
          ? (stageText ?? formatMessage(msg('writer.progress.queued')))
          : status === 'succeeded'
            ? formatMessage(
                msg(
                  isBlogDraft(generation.output) && generation.output.phase === 'outline'
                    ? 'writer.progress.outlineReady'
                    : 'writer.progress.done',
                ),
              )
            : (generation.error ?? '')}
      </Typography>
      {liveText ? (
        <Box background="neutral100" hasRadius padding={4} maxHeight="320px" overflow="auto">
          <Typography style={{ whiteSpace: 'pre-wrap' }} textColor="neutral700">
            {liveText}
          </Typography>
        </Box>
      ) : null}
      {events.error ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(msg('writer.progress.noLive'), { error: events.error })}
        </Typography>
      ) : null}
    </Flex>
  );
};
