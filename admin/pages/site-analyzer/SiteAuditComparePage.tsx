import { Flex, Grid, Link, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useParams } from 'react-router-dom';
import type { SiteAuditSummary } from '../../../contracts/site-audits';
import { ErrorText } from '../../components/ErrorText';
import { siteAnalyzerPath } from '../../utils/paths';
import { msg } from '../../utils/translations';
import { ToolCard } from '../seo/tools/ToolCard';
import { AuditScore } from './AuditScore';
import { ComparedIssues } from './ComparedIssues';
import { ScoreTrendChart } from './ScoreTrendChart';
import { useAuditComparison } from './useSiteAudits';

const AuditSide = ({
  side,
  audit,
  change,
}: {
  side: 'before' | 'after';
  audit: SiteAuditSummary;
  /** The score's change since the other audit, shown on the later one. */
  change?: number;
}) => {
  const { formatMessage, formatDate } = useIntl();
  return (
    <ToolCard title={formatMessage(msg(`site.compare.${side}`))}>
      <Link tag={RouterLink} to={siteAnalyzerPath(audit.documentId)}>
        {formatDate(audit.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
      </Link>
      <AuditScore audit={audit} />
      {change !== undefined ? (
        <Typography
          fontWeight="semiBold"
          textColor={change > 0 ? 'success600' : change < 0 ? 'danger600' : 'neutral600'}
        >
          {formatMessage(msg('site.compare.change'), {
            change: change > 0 ? `+${change}` : String(change),
          })}
        </Typography>
      ) : null}
    </ToolCard>
  );
};

/**
 * Two audits of one site: their scores, the score over time, and the issues the later one
 * fixed, added and still has.
 */
export const SiteAuditComparePage = () => {
  const { formatMessage } = useIntl();
  const { documentId = '', otherDocumentId = '' } = useParams<{
    documentId: string;
    otherDocumentId: string;
  }>();
  const comparison = useAuditComparison(documentId, otherDocumentId);
  const view = comparison.data?.data;
  const title = view
    ? formatMessage(msg('site.compare.title'), { host: view.base.host })
    : formatMessage(msg('site.compare.title.loading'));
  const change =
    view && view.base.score !== null && view.other.score !== null
      ? view.other.score - view.base.score
      : undefined;

  return (
    <Page.Main aria-busy={comparison.isLoading}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={siteAnalyzerPath(documentId)} />}
        title={title}
        subtitle={formatMessage(msg('site.compare.subtitle'))}
      />
      <Layouts.Content>
        {comparison.isLoading ? (
          <Page.Loading />
        ) : !view ? (
          <ErrorText error={comparison.error} />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={5}>
            <Grid.Root gap={4}>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <AuditSide side="before" audit={view.base} />
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <AuditSide side="after" audit={view.other} change={change} />
              </Grid.Item>
            </Grid.Root>
            <ToolCard
              title={formatMessage(msg('site.trend.title'))}
              subtitle={formatMessage(msg('site.trend.intro'))}
            >
              <ScoreTrendChart
                history={view.history}
                before={view.base.documentId}
                after={view.other.documentId}
              />
            </ToolCard>
            <ComparedIssues
              title="site.compare.fixed"
              empty="site.compare.fixed.none"
              issues={view.fixed}
              total={view.totals.fixed}
            />
            <ComparedIssues
              title="site.compare.new"
              empty="site.compare.new.none"
              issues={view.new}
              total={view.totals.new}
            />
            <ComparedIssues
              title="site.compare.open"
              empty="site.compare.open.none"
              issues={view.open}
              total={view.totals.open}
            />
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
