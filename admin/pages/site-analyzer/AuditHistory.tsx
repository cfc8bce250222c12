import {
  Badge,
  Box,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { MAX_PAGE_SIZE } from '../../../contracts/jobs';
import { SEVERITIES, type SiteAuditSummary } from '../../../contracts/site-audits';
import { QueryState } from '../../components/QueryState';
import { HeaderRow } from '../../components/HeaderRow';
import { JobStatusBadge } from '../../components/JobStatusBadge';
import { PrevNextPagination } from '../../components/PrevNextPagination';
import { siteAnalyzerPath } from '../../utils/paths';
import { msg } from '../../utils/translations';
import { ToolCard } from '../seo/tools/ToolCard';
import { scoreTone } from './issues';
import { useSiteAuditList } from './useSiteAudits';

const PAGE_SIZE = 20;

interface HistoryFilters {
  host: string;
  scope: '' | SiteAuditSummary['scope'];
}

const COLUMNS = ['url', 'scope', 'status', 'score', ...SEVERITIES, 'pages', 'date'] as const;

const Row = ({ audit }: { audit: SiteAuditSummary }) => {
  const { formatMessage, formatDate } = useIntl();
  const navigate = useNavigate();
  const path = siteAnalyzerPath(audit.documentId);
  return (
    <Tr onClick={() => navigate(path)} style={{ cursor: 'pointer' }}>
      <Td maxWidth="360px">
        <Flex direction="column" alignItems="flex-start">
          {/* The link is the keyboard's way in; the row click is the mouse's shortcut. */}
          <Link tag={RouterLink} to={path} onClick={(event) => event.stopPropagation()}>
            <Typography fontWeight="semiBold" ellipsis title={audit.url}>
              {audit.url}
            </Typography>
          </Link>
          {audit.error && audit.status === 'failed' ? (
            <Typography variant="pi" textColor="danger600" ellipsis>
              {audit.error}
            </Typography>
          ) : null}
        </Flex>
      </Td>
      <Td>
        <Typography>{formatMessage(msg(`site.scope.${audit.scope}`))}</Typography>
      </Td>
      <Td>
        <JobStatusBadge status={audit.status} />
      </Td>
      <Td>
        {audit.score === null ? (
          <Typography textColor="neutral600">—</Typography>
        ) : (
          <Badge
            backgroundColor={`${scoreTone(audit.score)}100`}
            textColor={`${scoreTone(audit.score)}700`}
          >
            {audit.score}
          </Badge>
        )}
      </Td>
      {SEVERITIES.map((severity) => (
        <Td key={severity}>
          <Typography>{audit.issueCounts?.[severity] ?? '—'}</Typography>
        </Td>
      ))}
      <Td>
        <Typography>{audit.pagesDone}</Typography>
      </Td>
      <Td>
        <Typography>
          {formatDate(audit.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
        </Typography>
      </Td>
    </Tr>
  );
};

/** Every audit the user may read, newest first, by site and scope; a row opens the audit. */
export const AuditHistory = () => {
  const { formatMessage } = useIntl();
  const [filters, setFilters] = useState<HistoryFilters>({ host: '', scope: '' });
  const [page, setPage] = useState(1);
  const audits = useSiteAuditList({
    ...(filters.host ? { host: filters.host } : {}),
    ...(filters.scope ? { scope: filters.scope } : {}),
    page,
    pageSize: PAGE_SIZE,
  });
  // The sites to filter on: those of the latest audits, and the one chosen.
  const recent = useSiteAuditList({ page: 1, pageSize: MAX_PAGE_SIZE }, { poll: false });
  const hosts = useMemo(
    () =>
      [
        ...new Set([
          ...(recent.data?.data ?? []).map((audit) => audit.host),
          ...(filters.host ? [filters.host] : []),
        ]),
      ].sort(),
    [recent.data, filters.host],
  );
  const filter = (patch: Partial<HistoryFilters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPage(1);
  };
  const rows = audits.data?.data ?? [];
  const pagination = audits.data?.meta.pagination;
  const filtered = Boolean(filters.host || filters.scope);

  return (
    <ToolCard
      title={formatMessage(msg('site.history.title'))}
      action={
        <Flex gap={3} wrap="wrap">
          <Box width="240px">
            <SingleSelect
              aria-label={formatMessage(msg('site.history.host'))}
              placeholder={formatMessage(msg('site.history.host.all'))}
              value={filters.host}
              onChange={(host: string | number) => filter({ host: String(host) })}
              onClear={() => filter({ host: '' })}
            >
              {hosts.map((host) => (
                <SingleSelectOption key={host} value={host}>
                  {host}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box width="200px">
            <SingleSelect
              aria-label={formatMessage(msg('site.history.scope'))}
              placeholder={formatMessage(msg('site.history.scope.all'))}
              value={filters.scope}
              onChange={(scope: string | number) =>
                filter({ scope: scope === 'page' || scope === 'site' ? scope : '' })
              }
              onClear={() => filter({ scope: '' })}
            >
              <SingleSelectOption value="page">
                {formatMessage(msg('site.scope.page'))}
              </SingleSelectOption>
              <SingleSelectOption value="site">
                {formatMessage(msg('site.scope.site'))}
              </SingleSelectOption>
            </SingleSelect>
          </Box>
        </Flex>
      }
    >
      <QueryState
        query={audits}
        isEmpty={!rows.length}
        empty={formatMessage(msg(filtered ? 'site.history.noMatch' : 'site.history.empty'))}
      >
        <Table colCount={COLUMNS.length} rowCount={rows.length + 1}>
          <HeaderRow
            labels={COLUMNS.map((column) => formatMessage(msg(`site.history.column.${column}`)))}
          />
          <Tbody>
            {rows.map((audit) => (
              <Row key={audit.documentId} audit={audit} />
            ))}
          </Tbody>
        </Table>
      </QueryState>
      {pagination ? <PrevNextPagination pagination={pagination} onChange={setPage} /> : null}
    </ToolCard>
  );
};
