import {
  Box,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  LinkButton,
  Loader,
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
import { ArrowClockwise } from '@strapi/icons';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { ACTIONS } from '../../../contracts/permissions';
import type { OverviewQuery, SeoOverview } from '../../../contracts/seo';
import { JobProgress } from '../../components/JobProgress';
import { LocaleSelect } from '../../components/schema-form/LocaleSelect';
import { PrevNextPagination } from '../../components/PrevNextPagination';
import { nextSort, SortableTh, type Sort } from '../../components/SortableTh';
import { errorMessage, useApi } from '../../hooks/useApi';
import { useSeoTypes } from '../../hooks/useSeoTypes';
import { usePermissions } from '../../hooks/usePermissions';
import { contentManagerPath, seoTypesSettingsPath } from '../../utils/paths';
import { msg } from '../../utils/translations';
import { ScoreBadges } from '../../components/seo/ScoreBadges';
import { ScoreChart } from './ScoreChart';

const PAGE_SIZE = 20;
type SortField = OverviewQuery['sort'];
const COLUMNS: {
  field: SortField;
  label:
    'seo.overview.title' | 'seo.overview.scores' | 'seo.overview.words' | 'seo.overview.analysed';
}[] = [
  { field: 'targetTitle', label: 'seo.overview.title' },
  { field: 'seoScore', label: 'seo.overview.scores' },
  { field: 'wordCount', label: 'seo.overview.words' },
  { field: 'analysedAt', label: 'seo.overview.analysed' },
];

/** Every analysed entry of a type in a locale: scores, keyphrase, length, and "Re-analyse all". */
export const SeoOverviewPage = () => {
  const { formatMessage, formatDate, formatNumber } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useApi();
  const { can } = usePermissions();
  const [uid, setUid] = useState('');
  const [sort, setSort] = useState<Sort<SortField>>({
    field: 'seoScore',
    order: 'asc',
  });
  const [rating, setRating] = useState<'' | 'bad' | 'ok' | 'good'>('');
  const [page, setPage] = useState(1);

  // The cache holds every type (other pages share it): only this view drops the disabled.
  const types = useSeoTypes({ select: (data) => data.filter((type) => type.enabled) });
  const chosen = uid || types.data?.[0]?.uid || '';
  const chosenType = types.data?.find((type) => type.uid === chosen);
  // Empty until one is chosen: the server answers for the default locale.
  const [locale, setLocale] = useState('');
  const overview = useQuery({
    queryKey: ['seo', 'overview', { chosen, locale, sort, rating, page }],
    enabled: Boolean(chosen),
    placeholderData: keepPreviousData,
    queryFn: () =>
      api.get<SeoOverview['data'], SeoOverview['meta']>('/seo/overview', {
        uid: chosen,
        ...(locale ? { locale } : {}),
        sort: sort.field,
        order: sort.order,
        ...(rating ? { rating } : {}),
        page,
        pageSize: PAGE_SIZE,
      }),
    // While a run works, its progress (and the rows it rewrites) are read again every second.
    refetchInterval: (query) => {
      const status = query.state.data?.meta.run?.status;
      return status === 'queued' || status === 'running' ? 1000 : false;
    },
  });
  const reanalyze = useMutation({
    mutationFn: () =>
      api.post('/seo/reanalyze', {
        uid: chosen,
        ...(overview.data?.meta.locale ? { locale: overview.data.meta.locale } : {}),
      }),
    onSuccess: () => overview.refetch(),
    onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
  });

  const meta = overview.data?.meta;
  const run = meta?.run;
  const running = run?.status === 'queued' || run?.status === 'running';
  const toggleSort = (field: SortField) => {
    setSort((current) => nextSort(current, field));
    setPage(1);
  };

  return (
    <Page.Main>
      <Page.Title>{formatMessage(msg('seo.overview.title.page'))}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton />}
        title={formatMessage(msg('seo.overview.title.page'))}
        subtitle={formatMessage(msg('seo.overview.subtitle'))}
        primaryAction={
          <Button
            startIcon={<ArrowClockwise />}
            onClick={() => reanalyze.mutate()}
            loading={reanalyze.isPending}
            disabled={!chosen || running}
          >
            {formatMessage(msg('seo.overview.reanalyze'))}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={5}>
          <Flex gap={4} wrap="wrap" alignItems="flex-end">
            <Box minWidth="240px">
              <SingleSelect
                aria-label={formatMessage(msg('seo.overview.type'))}
                value={chosen}
                onChange={(value: string | number) => {
                  setUid(String(value));
                  setLocale('');
                  setPage(1);
                }}
              >
                {(types.data ?? []).map((type) => (
                  <SingleSelectOption key={type.uid} value={type.uid}>
                    {type.displayName}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            <Box minWidth="200px">
              <SingleSelect
                aria-label={formatMessage(msg('seo.overview.rating'))}
                value={rating}
                onChange={(value: string | number) => {
                  setRating(value as typeof rating);
                  setPage(1);
                }}
              >
                <SingleSelectOption value="">
                  {formatMessage(msg('seo.overview.rating.all'))}
                </SingleSelectOption>
                <SingleSelectOption value="bad">
                  {formatMessage(msg('seo.rating.bad'))}
                </SingleSelectOption>
                <SingleSelectOption value="ok">
                  {formatMessage(msg('seo.rating.ok'))}
                </SingleSelectOption>
                <SingleSelectOption value="good">
                  {formatMessage(msg('seo.rating.good'))}
                </SingleSelectOption>
              </SingleSelect>
            </Box>
            {chosenType?.localized ? (
              <Box minWidth="200px">
                <Field.Root name="seo-overview-locale">
                  <Field.Label>{formatMessage(msg('seo.tools.entry.locale'))}</Field.Label>
                  <LocaleSelect
                    value={locale || meta?.locale || ''}
                    onChange={(code) => {
                      setLocale(code);
                      setPage(1);
                    }}
                  />
                </Field.Root>
              </Box>
            ) : null}
          </Flex>

          {run ? (
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={4}>
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Typography variant="omega" fontWeight="bold">
                  {run.title} · {run.stage ?? run.status}
                </Typography>
                <JobProgress value={run.progress} />
                {run.error ? <Typography textColor="danger600">{run.error}</Typography> : null}
              </Flex>
            </Box>
          ) : null}

          {meta ? <ScoreChart distribution={meta.distribution} /> : null}

          {types.isLoading || (overview.isLoading && chosen) ? (
            <Flex justifyContent="center" padding={6}>
              <Loader />
            </Flex>
          ) : null}
          {types.isError ? (
            <Typography textColor="danger600">{errorMessage(types.error)}</Typography>
          ) : types.data && !types.data.length ? (
            <EmptyStateLayout
              content={formatMessage(msg('seo.overview.noTypes'))}
              action={
                can(ACTIONS.settingsRead) ? (
                  <LinkButton tag={Link} to={seoTypesSettingsPath} variant="secondary">
                    {formatMessage(msg('seo.settings.open'))}
                  </LinkButton>
                ) : undefined
              }
            />
          ) : null}
          {overview.isError ? (
            <Typography textColor="danger600">{errorMessage(overview.error)}</Typography>
          ) : overview.data && !overview.data.data.length ? (
            <EmptyStateLayout content={formatMessage(msg('seo.overview.empty'))} />
          ) : (
            <Table colCount={5} rowCount={(overview.data?.data.length ?? 0) + 1}>
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
                  <Th>
                    <Typography variant="sigma">
                      {formatMessage(msg('seo.panel.keyphrase'))}
                    </Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {(overview.data?.data ?? []).map((row) => (
                  <Tr key={`${row.documentId}-${row.locale ?? ''}`}>
                    <Td>
                      <Link
                        to={contentManagerPath({
                          uid: chosen,
                          documentId: row.documentId,
                          locale: row.locale,
                        })}
                      >
                        <Typography textColor="primary600">
                          {row.title ?? row.documentId}
                        </Typography>
                      </Link>
                    </Td>
                    <Td>
                      {row.seoScore === null || row.readabilityScore === null ? (
                        <Typography textColor="neutral600">—</Typography>
                      ) : (
                        <ScoreBadges seo={row.seoScore} readability={row.readabilityScore} />
                      )}
                    </Td>
                    <Td>
                      <Typography>{formatNumber(row.wordCount ?? 0)}</Typography>
                    </Td>
                    <Td>
                      <Typography variant="pi">
                        {row.analysedAt
                          ? formatDate(row.analysedAt, { dateStyle: 'medium', timeStyle: 'short' })
                          : '—'}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography>{row.keyphrase ?? '—'}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
          {meta ? (
            <Flex justifyContent="space-between">
              <Typography variant="pi" textColor="neutral600">
                {formatMessage(msg('seo.overview.count'), { total: meta.pagination.total })}
              </Typography>
              <PrevNextPagination pagination={meta.pagination} onChange={setPage} />
            </Flex>
          ) : null}

          {meta?.sharedKeyphrases.length ? (
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={5}>
              <Typography variant="delta" tag="h2">
                {formatMessage(msg('seo.overview.shared'))}
              </Typography>
              <Flex direction="column" alignItems="stretch" gap={2} paddingTop={3} tag="ul">
                {meta.sharedKeyphrases.map((group) => (
                  <li key={group.keyphrase}>
                    <Typography fontWeight="bold">{group.keyphrase}</Typography>{' '}
                    <Typography variant="pi" textColor="neutral600">
                      {group.entries.map((entry) => entry.title ?? entry.documentId).join(', ')}
                    </Typography>
                  </li>
                ))}
              </Flex>
            </Box>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
