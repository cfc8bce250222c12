import { Button, Flex, Typography } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { ACTIONS } from '../../../contracts/permissions';
import type { SiteAuditSummary } from '../../../contracts/site-audits';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LightProgressBar } from '../../components/JobProgress';
import { JobStatusBadge } from '../../components/JobStatusBadge';
import { errorMessage } from '../../hooks/useApi';
import { useJobEvents } from '../../hooks/useJobEvents';
import { usePermissions } from '../../hooks/usePermissions';
import { msg } from '../../utils/translations';
import { ToolCard } from '../seo/tools/ToolCard';
import { crawlCountOf, percentOf } from './progress';
import { auditEventsPath, siteAuditKeys, useCancelCrawl } from './useSiteAudits';

/** Asks first: a canceled crawl cannot be resumed, only started again. */
const CancelCrawl = ({ documentId }: { documentId: string }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const cancel = useCancelCrawl(documentId);
  return (
    <ConfirmDialog
      trigger={
        <Button variant="danger-light" startIcon={<Cross />} loading={cancel.isPending}>
          {formatMessage(msg('site.crawl.cancel'))}
        </Button>
      }
      title={formatMessage(msg('site.crawl.cancel.title'))}
      body={formatMessage(msg('site.crawl.cancel.body'))}
      keepLabel={formatMessage(msg('site.crawl.cancel.keep'))}
      confirmLabel={formatMessage(msg('site.crawl.cancel'))}
      onConfirm={() =>
        cancel.mutate(undefined, {
          onSuccess: () =>
            toggleNotification({
              type: 'success',
              message: formatMessage(msg('site.crawl.canceled')),
            }),
          onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
        })
      }
    />
  );
};

/**
 * A queued or running crawl: the pages crawled so far, live from its events, and Cancel. Each
 * change of status refreshes the audit, which shows the report once the crawl is over.
 */
export const CrawlProgress = ({ audit }: { audit: SiteAuditSummary }) => {
  const { formatMessage } = useIntl();
  const queryClient = useQueryClient();
  const { can } = usePermissions();
  const { documentId } = audit;
  const events = useJobEvents(documentId, true, auditEventsPath);
  const jobStatus = events.job?.status;

  useEffect(() => {
    if (!jobStatus) return;
    void queryClient.invalidateQueries({ queryKey: siteAuditKeys.audit(documentId) });
    void queryClient.invalidateQueries({ queryKey: siteAuditKeys.lists() });
  }, [queryClient, documentId, jobStatus]);

  const status = jobStatus ?? audit.status;
  const percent = percentOf(events.progress?.percent ?? events.job?.progress ?? audit.progress);
  const pages = crawlCountOf(events.progress?.detail ?? events.job?.detail, audit);
  const pagesText = formatMessage(msg('site.crawl.pages'), {
    done: pages.done,
    found: pages.found,
  });
  // The server's own words for the stages that are not page counts (site-wide issues, retrying).
  const stage = events.progress?.stage ?? events.job?.stage ?? audit.stage;
  const note =
    status === 'queued'
      ? formatMessage(msg('site.crawl.queued'))
      : pages.live
        ? undefined
        : (stage ?? undefined);

  return (
    <ToolCard
      title={formatMessage(msg('site.crawl.title'))}
      action={
        // The server lets whoever may run audits, or manages jobs, stop it (and says when not).
        can(ACTIONS.siteAuditRun) || can(ACTIONS.jobsManage) ? (
          <CancelCrawl documentId={documentId} />
        ) : undefined
      }
    >
      <Flex gap={3} alignItems="center">
        <JobStatusBadge status={status} />
        <LightProgressBar
          value={percent}
          aria-label={pagesText}
          getValueLabel={() => pagesText}
          style={{ flex: 1 }}
        />
        <Typography variant="pi" textColor="neutral600">
          {percent}%
        </Typography>
      </Flex>
      <Flex direction="column" alignItems="flex-start" gap={1} aria-live="polite">
        <Typography fontWeight="semiBold">{pagesText}</Typography>
        {note ? (
          <Typography variant="pi" textColor="neutral600">
            {note}
          </Typography>
        ) : null}
      </Flex>
      {events.error ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(msg('site.crawl.noLive'), { error: events.error })}
        </Typography>
      ) : null}
    </ToolCard>
  );
};
