import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  IconButton,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, Cross, ExternalLink } from '@strapi/icons';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import {
  JOB_STATUSES,
  type BoardSession,
  type JobsListMeta,
  type JobStatus,
  type JobView,
} from '../../../contracts/jobs';
import { ACTIONS } from '../../../contracts/permissions';
import { JobProgress } from '../../components/JobProgress';
import { JobStatusBadge } from '../../components/JobStatusBadge';
import { errorMessage, useApi } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { formatDuration } from '../../utils/format';
import { msg } from '../../utils/translations';

const PAGE_SIZE = 20;

export const JobsPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useApi();
  const queryClient = useQueryClient();
  const { can } = usePermissions();
  const [status, setStatus] = useState<JobStatus | ''>('');
  const [page, setPage] = useState(1);

  const jobs = useQuery({
    queryKey: ['jobs', { status, page }],
    queryFn: () =>
      api.get<JobView[], JobsListMeta>('/jobs', {
        page,
        pageSize: PAGE_SIZE,
        ...(status ? { status } : {}),
      }),
    placeholderData: keepPreviousData,
    // Poll while something is moving; a finished list stays still.
    refetchInterval: (query) =>
      query.state.data?.data.some((job) => job.status === 'queued' || job.status === 'running')
        ? 1500
        : false,
  });

  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'retry' | 'cancel' }) =>
      api.post<JobView>(`/jobs/${id}/${action}`),
    onSuccess: (_data, { action }) => {
      toggleNotification({
        type: 'success',
        message: formatMessage(msg(action === 'retry' ? 'jobs.retried' : 'jobs.canceled')),
      });
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
    },
    onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
  });

  // The tab opens on the click itself (a popup blocker allows that), then goes to the board.
  const openBoard = useMutation({
    mutationFn: async () => {
      const tab = window.open('about:blank', '_blank');
      try {
        const { data } = await api.post<BoardSession>('/board/session');
        if (tab) {
          tab.opener = null;
          tab.location.href = data.url;
        }
      } catch (error) {
        tab?.close();
        throw error;
      }
    },
    onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
  });

  const canManage = can(ACTIONS.jobsManage);
  const rows = jobs.data?.data ?? [];
  const pagination = jobs.data?.meta.pagination;

  return (
    <Page.Main aria-busy={jobs.isLoading}>
      <Page.Title>{formatMessage(msg('jobs.title'))}</Page.Title>
      <Layouts.Header
        title={formatMessage(msg('jobs.title'))}
        subtitle={formatMessage(msg('jobs.subtitle'))}
        navigationAction={<BackButton fallback=".." />}
        primaryAction={
          <Flex gap={2}>
            {jobs.data?.meta.queue.driver === 'bullmq' ? (
              <Button
                variant="tertiary"
                startIcon={<ExternalLink />}
                onClick={() => openBoard.mutate()}
                loading={openBoard.isPending}
              >
                {formatMessage(msg('jobs.board'))}
              </Button>
            ) : null}
            <Button
              variant="secondary"
              startIcon={<ArrowClockwise />}
              onClick={() => void jobs.refetch()}
              loading={jobs.isFetching}
            >
              {formatMessage(msg('jobs.refresh'))}
            </Button>
          </Flex>
        }
      />
      <Layouts.Action
        startActions={
          <Box width="240px">
            <SingleSelect
              aria-label={formatMessage(msg('jobs.filter.status'))}
              placeholder={formatMessage(msg('jobs.filter.all'))}
              value={status}
              onChange={(value: string | number) => {
                setStatus(value as JobStatus | '');
                setPage(1);
              }}
              onClear={() => setStatus('')}
            >
              {JOB_STATUSES.map((value) => (
                <SingleSelectOption key={value} value={value}>
                  {formatMessage(msg(`jobs.status.${value}`))}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
        }
      />
      <Layouts.Content>
        {jobs.isLoading ? (
          <Page.Loading />
        ) : jobs.isError ? (
          <Page.Error />
        ) : rows.length === 0 ? (
          <EmptyStateLayout content={formatMessage(msg('jobs.empty'))} />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Table colCount={7} rowCount={rows.length + 1}>
              <Thead>
                <Tr>
                  {(
                    [
                      'title',
                      'kind',
                      'status',
                      'progress',
                      'duration',
                      'created',
                      'actions',
                    ] as const
                  ).map((column) => (
                    <Th key={column}>
                      <Typography variant="sigma">
                        {formatMessage(msg(`jobs.column.${column}`))}
                      </Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {rows.map((job) => (
                  <Tr key={job.id}>
                    <Td>
                      <Flex direction="column" alignItems="flex-start">
                        <Typography fontWeight="semiBold" ellipsis>
                          {job.title ?? job.id}
                        </Typography>
                        {job.error && job.status !== 'succeeded' ? (
                          <Typography variant="pi" textColor="danger600">
                            {job.error}
                          </Typography>
                        ) : job.stage && job.status === 'running' ? (
                          <Typography variant="pi" textColor="neutral600">
                            {job.stage}
                          </Typography>
                        ) : null}
                      </Flex>
                    </Td>
                    <Td>
                      <Typography>{job.kind}</Typography>
                    </Td>
                    <Td>
                      <JobStatusBadge status={job.status} />
                    </Td>
                    <Td>
                      <JobProgress value={job.progress} />
                    </Td>
                    <Td>
                      <Typography>{formatDuration(job.durationMs)}</Typography>
                    </Td>
                    <Td>
                      <Typography>
                        {formatDate(job.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                      </Typography>
                    </Td>
                    <Td>
                      {canManage ? (
                        <Flex gap={1}>
                          {job.status === 'failed' || job.status === 'canceled' ? (
                            <IconButton
                              label={formatMessage(msg('jobs.retry'))}
                              onClick={() => act.mutate({ id: job.id, action: 'retry' })}
                              disabled={act.isPending}
                            >
                              <ArrowClockwise />
                            </IconButton>
                          ) : null}
                          {job.status === 'queued' || job.status === 'running' ? (
                            <IconButton
                              label={formatMessage(msg('jobs.cancel'))}
                              onClick={() => act.mutate({ id: job.id, action: 'cancel' })}
                              disabled={act.isPending}
                            >
                              <Cross />
                            </IconButton>
                          ) : null}
                        </Flex>
                      ) : null}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            {pagination && pagination.pageCount > 1 ? (
              <Flex justifyContent="flex-end" gap={2}>
                <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  ‹
                </Button>
                <Typography>
                  {page} / {pagination.pageCount}
                </Typography>
                <Button
                  variant="tertiary"
                  disabled={page >= pagination.pageCount}
                  onClick={() => setPage(page + 1)}
                >
                  ›
                </Button>
              </Flex>
            ) : null}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
