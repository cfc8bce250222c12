import { EmptyStateLayout, Flex, LinkButton } from '@strapi/design-system';
import { Sparkle } from '@strapi/icons';
import { BackButton, Layouts, Page, useAuth, useDebounce } from '@strapi/strapi/admin';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { GenerationSummary } from '../../../contracts/generations';
import type { Pagination } from '../../../contracts/jobs';
import { ACTIONS } from '../../../contracts/permissions';
import { PrevNextPagination } from '../../components/PrevNextPagination';
import { useApi } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { writerPath } from '../../utils/paths';
import { msg } from '../../utils/translations';
import { isFiltered, NO_FILTERS, queryOf, type HistoryFilters } from './filters';
import { HistoryFilterBar } from './HistoryFilterBar';
import { HistoryTable } from './HistoryTable';

const PAGE_SIZE = 20;
/** Typing a search asks the server once the user pauses, not on every key. */
const SEARCH_DELAY_MS = 300;

export const HistoryPage = () => {
  const { formatMessage } = useIntl();
  const api = useApi();
  const { can } = usePermissions();
  const userId = useAuth('History', (state) => state.user?.id);
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const q = useDebounce(filters.q, SEARCH_DELAY_MS);
  const params = queryOf({ ...filters, q }, page, PAGE_SIZE, userId);

  const generations = useQuery({
    queryKey: ['generations', params],
    queryFn: () => api.get<GenerationSummary[], { pagination: Pagination }>('/generations', params),
    placeholderData: keepPreviousData,
    // Poll while something is still being written; a finished list stays still.
    refetchInterval: (query) =>
      query.state.data?.data.some((row) => row.status === 'queued' || row.status === 'running')
        ? 3000
        : false,
  });

  const rows = generations.data?.data ?? [];
  const pagination = generations.data?.meta.pagination;
  const writerLink = can(ACTIONS.writerUse) ? (
    <LinkButton tag={Link} to={writerPath()} startIcon={<Sparkle />}>
      {formatMessage(msg('history.newGeneration'))}
    </LinkButton>
  ) : undefined;

  return (
    <Page.Main aria-busy={generations.isLoading}>
      <Page.Title>{formatMessage(msg('history.title'))}</Page.Title>
      <Layouts.Header
        title={formatMessage(msg('history.title'))}
        subtitle={formatMessage(msg('history.subtitle'))}
        navigationAction={<BackButton fallback=".." />}
        primaryAction={writerLink}
      />
      <Layouts.Action
        startActions={
          <HistoryFilterBar
            value={filters}
            onChange={(next) => {
              setFilters(next);
              setPage(1);
            }}
          />
        }
      />
      <Layouts.Content>
        {generations.isLoading ? (
          <Page.Loading />
        ) : generations.isError ? (
          <Page.Error />
        ) : rows.length === 0 ? (
          <EmptyStateLayout
            content={formatMessage(msg(isFiltered(filters) ? 'history.noMatch' : 'history.empty'))}
            action={isFiltered(filters) ? undefined : writerLink}
          />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <HistoryTable rows={rows} />
            {pagination ? <PrevNextPagination pagination={pagination} onChange={setPage} /> : null}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
