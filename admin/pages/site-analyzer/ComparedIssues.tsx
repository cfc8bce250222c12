import { Badge, Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ComparedIssue } from '../../../contracts/site-audits';
import { PrevNextPagination } from '../../components/PrevNextPagination';
import { HeaderRow } from '../../components/HeaderRow';
import { msg, type TranslationKey } from '../../utils/translations';
import { ToolCard } from '../seo/tools/ToolCard';
import { pageOfList } from './compare';
import { SeverityBadge } from './SeverityBadge';
import { useIssueName } from './useIssueName';

const PAGE_SIZE = 20;
const COLUMNS = ['check', 'url', 'severity', 'found'] as const;

interface ComparedIssuesProps {
  title: TranslationKey;
  empty: TranslationKey;
  issues: ComparedIssue[];
  /** Counted whatever the list's cap. */
  total: number;
}

/** One bucket of a comparison (fixed, new or still open), a page at a time. */
export const ComparedIssues = ({ title, empty, issues, total }: ComparedIssuesProps) => {
  const { formatMessage } = useIntl();
  const nameOf = useIssueName();
  const [page, setPage] = useState(1);
  const { rows, pagination } = pageOfList(issues, page, PAGE_SIZE);
  return (
    <ToolCard
      title={formatMessage(msg(title))}
      subtitle={
        total > issues.length
          ? formatMessage(msg('site.compare.capped'), { shown: issues.length, total })
          : undefined
      }
      action={<Badge size="M">{formatMessage(msg('site.compare.total'), { count: total })}</Badge>}
    >
      {rows.length ? (
        <Table colCount={COLUMNS.length} rowCount={rows.length + 1}>
          <HeaderRow
            labels={COLUMNS.map((column) => formatMessage(msg(`site.compare.column.${column}`)))}
          />
          <Tbody>
            {rows.map((issue) => (
              // A check and an address: how the server itself tells issues apart.
              <Tr key={`${issue.check} ${issue.url}`}>
                <Td>
                  <Typography fontWeight="semiBold">{nameOf(issue.check)}</Typography>
                </Td>
                <Td maxWidth="320px">
                  <Link href={issue.url} isExternal>
                    <Typography ellipsis title={issue.url}>
                      {issue.url}
                    </Typography>
                  </Link>
                </Td>
                <Td>
                  <SeverityBadge severity={issue.severity} />
                </Td>
                <Td>
                  <Typography variant="pi" style={{ whiteSpace: 'normal' }}>
                    {issue.found}
                  </Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : (
        <Typography textColor="neutral600">{formatMessage(msg(empty))}</Typography>
      )}
      <PrevNextPagination pagination={pagination} onChange={setPage} />
    </ToolCard>
  );
};
