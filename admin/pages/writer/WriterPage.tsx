import { Box, Flex, Grid, LinkButton } from '@strapi/design-system';
import { Calendar, ClockCounterClockwise } from '@strapi/icons';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { GenerationView } from '../../../contracts/generations';
import { TERMINAL_STATUSES } from '../../../contracts/jobs';
import { ACTIONS } from '../../../contracts/permissions';
import { errorMessage, useApi } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { useStreamedPost } from '../../hooks/useStreamedPost';
import { useRefreshUsage } from '../../hooks/useUsage';
import { UsageMeter } from '../../components/UsageMeter';
import { useGeneration, useStoreGeneration, useWriters } from '../../hooks/useWriterData';
import { initialValues, type JsonObject } from '../../utils/json-schema';
import { calendarPath, historyPath, writerPath } from '../../utils/paths';
import { msg } from '../../utils/translations';
import { isWriterId, type WriterId } from '../../utils/writers';
import { calendarItemOf } from './calendar-link';
import { prefillFromState, type Prefill } from './prefill';
import { ResultPanel } from './ResultPanel';
import { WriterForm } from './WriterForm';
import { WriterPicker } from './WriterPicker';

/** The height of the admin's header once it sticks to the top, and a little air. */
const RESULT_STICKY_TOP = 72;

/**
 * `writer` and `writer/:documentId`: pick a writer, fill in its options, generate, and read the
 * result. With a document id it shows that generation (following it while it runs) with its
 * input in the form; `?from=<documentId>` or router state only fill the form in ("Duplicate").
 */
export const WriterPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useApi();
  const navigate = useNavigate();
  const location = useLocation();
  const { documentId } = useParams<{ documentId: string }>();
  const [searchParams] = useSearchParams();
  const { can } = usePermissions();
  const writers = useWriters();
  const store = useStoreGeneration();
  const stream = useStreamedPost<GenerationView>();
  const refreshUsage = useRefreshUsage();

  const fromId = documentId ? undefined : (searchParams.get('from') ?? undefined);
  const source = useGeneration(documentId ?? fromId);
  const shown = documentId ? source.data?.data : undefined;

  const [writer, setWriter] = useState<WriterId>('blog');
  const [drafts, setDrafts] = useState<Partial<Record<WriterId, JsonObject>>>({});
  const catalogue = writers.data?.data;
  const current = catalogue?.find((candidate) => candidate.id === writer);

  // Fill the form once per source: a duplicated or opened generation, or another page's state.
  const applied = useRef<string>();
  useEffect(() => {
    const fromState = prefillFromState(location.state);
    const loaded = source.data?.data;
    const prefill: (Prefill & { key: string }) | undefined = fromState
      ? { ...fromState, key: location.key }
      : loaded && isWriterId(loaded.kind)
        ? { writer: loaded.kind, input: loaded.input, key: loaded.documentId }
        : undefined;
    const schema = catalogue?.find((candidate) => candidate.id === prefill?.writer)?.optionsSchema;
    if (!prefill || !schema || applied.current === prefill.key) return;
    applied.current = prefill.key;
    setWriter(prefill.writer);
    setDrafts((previous) => ({
      ...previous,
      [prefill.writer]: initialValues(schema, prefill.input),
    }));
  }, [location.state, location.key, source.data, catalogue]);

  // A queued run's tokens count once it ends.
  const shownStatus = shown?.status;
  useEffect(() => {
    if (shownStatus && TERMINAL_STATUSES.includes(shownStatus)) void refreshUsage();
  }, [shownStatus, refreshUsage]);

  // Opened from a calendar item: the draft is linked to it, and the way back stays on the page.
  const calendarItem = calendarItemOf(location.state);
  const linkToItem = async (generationDocumentId: string) => {
    if (!calendarItem) return;
    try {
      await api.put(`/calendar/items/${calendarItem}`, {
        generationDocumentId,
        status: 'in-progress',
      });
    } catch (error) {
      toggleNotification({ type: 'warning', message: errorMessage(error) });
    }
  };
  const openDraft = (id: string) =>
    navigate(writerPath(id), calendarItem ? { state: { calendarItem } } : undefined);

  const enqueue = useMutation({
    mutationFn: (input: JsonObject) =>
      api.post<{ documentId: string; status: 'queued' }>(`/writers/${writer}/generate`, { input }),
    onSuccess: async ({ data }) => {
      await linkToItem(data.documentId);
      openDraft(data.documentId);
    },
    onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
  });

  const generate = async (input: JsonObject) => {
    if (current?.mode === 'job') {
      enqueue.mutate(input);
      return;
    }
    if (documentId) navigate(writerPath());
    const outcome = await stream.start(`/writers/${writer}/generate`, { input });
    void refreshUsage();
    if (outcome.status === 'done') {
      store(outcome.result);
      stream.reset();
      await linkToItem(outcome.result.documentId);
      openDraft(outcome.result.documentId);
    } else if (outcome.status === 'failed') {
      toggleNotification({ type: 'danger', message: outcome.error });
    } else {
      toggleNotification({ type: 'info', message: formatMessage(msg('writer.stopped')) });
    }
  };

  if (writers.isLoading) return <Page.Loading />;
  if (writers.isError || !catalogue || !current) return <Page.Error />;

  const values = drafts[writer] ?? initialValues(current.optionsSchema);
  const shownMode = catalogue.find((candidate) => candidate.id === shown?.kind)?.mode;

  return (
    <Page.Main>
      <Page.Title>{formatMessage(msg('writer.title'))}</Page.Title>
      <Layouts.Header
        title={formatMessage(msg('writer.title'))}
        subtitle={formatMessage(msg('writer.subtitle'))}
        navigationAction={<BackButton fallback=".." />}
        secondaryAction={
          calendarItem ? (
            <Flex gap={3}>
              <LinkButton tag={Link} to={calendarPath} variant="tertiary" startIcon={<Calendar />}>
                {formatMessage(msg('writer.backToCalendar'))}
              </LinkButton>
              <UsageMeter />
            </Flex>
          ) : (
            <UsageMeter />
          )
        }
        primaryAction={
          can(ACTIONS.generationsRead) ? (
            <LinkButton
              tag={Link}
              to={historyPath()}
              variant="secondary"
              startIcon={<ClockCounterClockwise />}
            >
              {formatMessage(msg('history.title'))}
            </LinkButton>
          ) : undefined
        }
      />
      <Layouts.Content>
        <WriterPicker
          writers={catalogue.filter((candidate) => candidate.listed || candidate.id === writer)}
          value={writer}
          onChange={(next) => {
            setWriter(next);
            // The generation on screen belongs to the writer being left.
            if (documentId) navigate(writerPath());
          }}
        >
          <Grid.Root gap={8}>
            <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
              <WriterForm
                key={writer}
                writer={current}
                values={values}
                onChange={(next) => setDrafts((previous) => ({ ...previous, [writer]: next }))}
                onGenerate={(input) => void generate(input)}
                busy={stream.status === 'streaming' || enqueue.isPending}
              />
            </Grid.Item>
            <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
              {/* Beside a long form, the text being written (and its Stop) stays in view, below
                  the header that sticks once the page scrolls. */}
              <Box style={{ position: 'sticky', top: RESULT_STICKY_TOP }}>
                <ResultPanel
                  stream={stream}
                  generation={shown}
                  mode={shownMode}
                  loading={Boolean(documentId) && source.isLoading}
                  error={documentId && source.isError ? errorMessage(source.error) : undefined}
                />
              </Box>
            </Grid.Item>
          </Grid.Root>
        </WriterPicker>
      </Layouts.Content>
    </Page.Main>
  );
};
