import { Alert, Flex, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import type { SiteAuditDetail } from '../../../contracts/site-audits';
import { ErrorText } from '../../components/ErrorText';
import { JobStatusBadge } from '../../components/JobStatusBadge';
import { siteAnalyzerPath } from '../../utils/paths';
import { msg } from '../../utils/translations';
import { ToolCard } from '../seo/tools/ToolCard';
import { AuditPages } from './AuditPages';
import { AuditScore } from './AuditScore';
import { CompareSelect } from './CompareSelect';
import { CrawlProgress } from './CrawlProgress';
import { ExportIssuesButton } from './ExportIssuesButton';
import { IssueList } from './IssueList';
import { PageFacts } from './PageFacts';
import { SiteFindings } from './SiteFindings';
import { isRunning, useSiteAudit } from './useSiteAudits';

/** Why a finished audit has less to show than it might: it failed, or was stopped. */
const EndNotice = ({ audit }: { audit: SiteAuditDetail }) => {
  const { formatMessage } = useIntl();
  const [closed, setClosed] = useState(false);
  if (closed || (audit.status !== 'failed' && audit.status !== 'canceled')) return null;
  const failed = audit.status === 'failed';
  return (
    <Alert
      variant={failed ? 'danger' : 'warning'}
      title={formatMessage(msg(failed ? 'site.audit.failed' : 'site.audit.canceled'))}
      closeLabel={formatMessage(msg('site.close'))}
      onClose={() => setClosed(true)}
    >
      {failed
        ? (audit.error ?? '')
        : formatMessage(msg('site.audit.canceled.body'), { count: audit.pagesDone })}
    </Alert>
  );
};

/**
 * One audit: a crawl's progress while it runs; then the score, the issues, the site-wide
 * findings and, for a crawl, its pages. A canceled crawl reports on the pages it reached.
 */
export const SiteAuditPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const audit = useSiteAudit(documentId);
  const view = audit.data?.data;
  const [pageCheck, setPageCheck] = useState('');
  const pagesRef = useRef<HTMLDivElement>(null);

  const running = view ? isRunning(view.status) : false;
  // A failed crawl never drew its conclusions: it has pages, but no report.
  const reported = Boolean(view && !running && view.status !== 'failed');
  const showPages = (checkId: string) => {
    setPageCheck(checkId);
    pagesRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <Page.Main aria-busy={audit.isLoading}>
      <Page.Title>{view?.url ?? formatMessage(msg('site.title'))}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={siteAnalyzerPath()} />}
        title={view?.url ?? formatMessage(msg('site.title'))}
        subtitle={
          view ? (
            <Flex gap={2} paddingTop={1}>
              <JobStatusBadge status={view.status} />
              <Typography variant="epsilon" textColor="neutral600">
                {formatMessage(msg(`site.scope.${view.scope}`))} ·{' '}
                {formatDate(view.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
              </Typography>
            </Flex>
          ) : undefined
        }
        primaryAction={view && reported ? <ExportIssuesButton audit={view} /> : undefined}
      />
      <Layouts.Content>
        {audit.isLoading ? (
          <Page.Loading />
        ) : !view ? (
          <ErrorText error={audit.error} />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={5}>
            {running ? <CrawlProgress audit={view} /> : null}
            <EndNotice audit={view} />
            {reported ? (
              <>
                <ToolCard>
                  <Flex justifyContent="space-between" alignItems="flex-start" gap={6} wrap="wrap">
                    <AuditScore audit={view} />
                    <CompareSelect audit={view} />
                  </Flex>
                  {view.page?.facts ? <PageFacts facts={view.page.facts} /> : null}
                </ToolCard>
                <IssueList
                  audit={view}
                  onShowPages={view.scope === 'site' ? showPages : undefined}
                />
                {view.scope === 'site' ? <SiteFindings findings={view.findings} /> : null}
              </>
            ) : null}
            {view.scope === 'site' ? (
              <div ref={pagesRef}>
                <AuditPages audit={view} check={pageCheck} onCheckChange={setPageCheck} />
              </div>
            ) : null}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
