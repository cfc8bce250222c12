import {
  Badge,
  Box,
  Flex,
  Searchbar,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextButton,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useDebounce } from '@strapi/strapi/admin';
import { useState, type ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import type { AuditPageRow, ListPagesQuery, SiteAuditDetail } from '../../../contracts/site-audits';
import { QueryState } from '../../components/QueryState';
import { nextSort, SortableTh, type Sort } from '../../components/SortableTh';
import { PrevNextPagination } from '../../components/PrevNextPagination';
import { msg, type TranslationKey } from '../../utils/translations';
import { ToolCard } from '../seo/tools/ToolCard';
import { scoreTone } from './issues';
import { PageDrillDown } from './PageDrillDown';
import { isRunning, useAuditPages } from './useSiteAudits';
import { useIssueName } from './useIssueName';

const PAGE_SIZE = 20;
/** Typing a search asks the server once the user pauses, not on every key. */
const SEARCH_DELAY_MS = 300;

type SortField = ListPagesQuery['sort'];
const COLUMNS: { field: SortField; label: TranslationKey }[] = [
  { field: 'url', label: 'site.pages.column.url' },
  { field: 'statusCode', label: 'site.pages.column.statusCode' },
  { field: 'score', label: 'site.pages.column.score' },
  { field: 'failedChecks', label: 'site.pages.column.failedChecks' },
];

interface AuditPagesProps {
  audit: SiteAuditDetail;
  /** The failing check the table is filtered on ('' for any), which the issues can set too. */
  check: string;
  onCheckChange: (check: string) => void;
}

/** A crawl's pages: searched, filtered on a failing check, sorted; a page opens its checks. */
export const AuditPages = ({ audit, check, onCheckChange }: AuditPagesProps) => {
  const { formatMessage } = useIntl();
  const nameOf = useIssueName();
  const [search, setSearch] = useState('');
  const q = useDebounce(search, SEARCH_DELAY_MS);
  const [sort, setSort] = useState<Sort<SortField>>({
    field: 'url',
    order: 'asc',
  });
  // The page number belongs to the filters it was chosen under: a new filter starts at page 1.
  const [paging, setPaging] = useState({ key: '', page: 1 });
  const filterKey = JSON.stringify([q, check, sort]);
  const page = paging.key === filterKey ? paging.page : 1;
  const [opened, setOpened] = useState<AuditPageRow>();

  const live = isRunning(audit.status);
  const pages = useAuditPages(
    audit.documentId,
    {
      ...(q.trim() ? { q: q.trim() } : {}),
      ...(check ? { check } : {}),
      sort: sort.field,
      order: sort.order,
      page,
      pageSize: PAGE_SIZE,
    },
    live,
  );
  const rows = pages.data?.data ?? [];
  const pagination = pages.data?.meta.pagination;
  const filtered = Boolean(q.trim() || check);

  const toggleSort = (field: SortField) => setSort((current) => nextSort(current, field));

  return (
    <ToolCard
      title={formatMessage(msg('site.pages.title'))}
      subtitle={
        pagination
          ? formatMessage(msg(filtered ? 'site.pages.matching' : 'site.pages.count'), {
              count: pagination.total,
            })
          : undefined
      }
      action={
        <Flex gap={3} wrap="wrap">
          <Box width="240px">
            <Searchbar
              name="page-search"
              value={search}
              placeholder={formatMessage(msg('site.pages.search'))}
              clearLabel={formatMessage(msg('site.filter.clear'))}
              onClear={() => setSearch('')}
              onChange={(event: ChangeEvent<HTMLInputElement>) => setSearch(event.target.value)}
            >
              {formatMessage(msg('site.pages.search'))}
            </Searchbar>
          </Box>
          <Box width="240px">
            <SingleSelect
              aria-label={formatMessage(msg('site.pages.check'))}
              placeholder={formatMessage(msg('site.pages.check.any'))}
              value={check}
              disabled={!audit.checks.length}
              onChange={(value: string | number) => onCheckChange(String(value))}
              onClear={() => onCheckChange('')}
            >
              {audit.checks.map((summary) => (
                <SingleSelectOption key={summary.id} value={summary.id}>
                  {formatMessage(msg('site.pages.check.option'), {
                    name: nameOf(summary.id),
                    count: summary.failedPages,
                  })}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
        </Flex>
      }
    >
      <QueryState
        query={pages}
        isEmpty={!rows.length}
        empty={formatMessage(
          msg(filtered ? 'site.pages.noMatch' : live ? 'site.pages.noneYet' : 'site.pages.none'),
        )}
      >
        <Table colCount={COLUMNS.length} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              {COLUMNS.map((column) => (
                <SortableTh
                  key={column.field}
                  field={column.field}
                  label={formatMessage(msg(column.label))}
                  sort={sort}
                  onSort={toggleSort}
                />
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row) => (
              <Tr key={row.documentId} onClick={() => setOpened(row)} style={{ cursor: 'pointer' }}>
                <Td maxWidth="480px">
                  <Flex direction="column" alignItems="flex-start">
                    {/* The button is the keyboard's way in; the row click is the mouse's. */}
                    <TextButton
                      onClick={(event: React.MouseEvent) => {
                        event.stopPropagation();
                        setOpened(row);
                      }}
                    >
                      <Typography textColor="primary600" ellipsis title={row.url}>
                        {row.url}
                      </Typography>
                    </TextButton>
                    {row.title ? (
                      <Typography variant="pi" textColor="neutral600" ellipsis>
                        {row.title}
                      </Typography>
                    ) : null}
                  </Flex>
                </Td>
                <Td>
                  {row.blockedByRobots ? (
                    <Badge>{formatMessage(msg('site.page.blocked'))}</Badge>
                  ) : (
                    <Typography
                      textColor={
                        row.statusCode === null || row.statusCode >= 400
                          ? 'danger600'
                          : 'neutral800'
                      }
                    >
                      {row.statusCode ?? formatMessage(msg('site.pages.noResponse'))}
                    </Typography>
                  )}
                </Td>
                <Td>
                  {row.score === null ? (
                    <Typography textColor="neutral600">—</Typography>
                  ) : (
                    <Badge
                      backgroundColor={`${scoreTone(row.score)}100`}
                      textColor={`${scoreTone(row.score)}700`}
                    >
                      {row.score}
                    </Badge>
                  )}
                </Td>
                <Td>
                  <Typography>{row.failedChecks}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </QueryState>
      {pagination ? (
        <PrevNextPagination
          pagination={pagination}
          onChange={(next) => setPaging({ key: filterKey, page: next })}
        />
      ) : null}
      <PageDrillDown page={opened} onClose={() => setOpened(undefined)} />
    </ToolCard>
  );
};
