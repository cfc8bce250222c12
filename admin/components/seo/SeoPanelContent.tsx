import { Box, Button, Field, Flex, Loader, TextInput, Typography } from '@strapi/design-system';
import {
  unstable_useContentManagerContext as useContentManagerContext,
  useForm,
  useNotification,
} from '@strapi/strapi/admin';
import { QueryClientProvider, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { analyze, paperOfEntry, type Attributes } from '../../../analysis/seo';
import { errorMessage, useApi } from '../../hooks/useApi';
import { useSeoTypes } from '../../hooks/useSeoTypes';
import { queryClient } from '../../utils/queryClient';
import { msg } from '../../utils/translations';
import { AssessmentList } from './AssessmentList';
import { ScoreBadges } from './ScoreBadges';
import { SearchPreview } from './SearchPreview';

/** Re-scores this long after the last keystroke. */
const TYPING_PAUSE_MS = 300;
/**
 * User Timing measures of each re-score, the analysis alone and up to the panel's commit: its
 * cost to the main thread, in the browser's performance tools (and read by the e2e).
 */
const RESCORE = 'alwrity:seo-rescore';

interface StoredReport {
  keyphrase: string | null;
  synonyms: string[] | null;
  assessments: { assessments: { id: string; rating: string; message: string }[] } | null;
}

const useDebounced = <T,>(value: T, ms: number) => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box>
    <Typography variant="sigma" textColor="neutral600" tag="h3">
      {title}
    </Typography>
    <Box paddingTop={2}>{children}</Box>
  </Box>
);

const splitSynonyms = (text: string) =>
  text
    .split(',')
    .map((synonym) => synonym.trim())
    .filter(Boolean);

/**
 * The live analysis of the entry being edited: the same engine as the server, run on the form's
 * values after each typing pause, with the focus keyphrase stored in the entry's report.
 */
export const SeoPanelContent = ({
  model,
  documentId,
  locale,
}: {
  model: string;
  documentId?: string;
  locale: string | null;
}) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useApi();
  const client = useQueryClient();
  const { contentType, components } = useContentManagerContext();
  const values = useForm('SeoPanel', (state) => state.values) as Record<string, unknown>;

  const types = useSeoTypes();
  const reportKey = ['seo', 'report', model, documentId, locale];
  const report = useQuery({
    queryKey: reportKey,
    enabled: Boolean(documentId),
    queryFn: async () =>
      (
        await api.get<StoredReport | null>(
          `/seo/reports/${model}/${documentId}`,
          locale ? { locale } : undefined,
        )
      ).data,
  });

  const [keyphrase, setKeyphrase] = useState('');
  const [synonyms, setSynonyms] = useState('');
  // The stored focus fills the inputs once per entry and locale: never over what is being typed.
  const seeded = useRef<string>();
  const entryKey = JSON.stringify(reportKey);
  useEffect(() => {
    if (seeded.current === entryKey || (documentId && !report.isFetched)) return;
    seeded.current = entryKey;
    setKeyphrase(report.data?.keyphrase ?? '');
    setSynonyms((report.data?.synonyms ?? []).join(', '));
  }, [entryKey, documentId, report.isFetched, report.data]);

  const save = useMutation({
    mutationFn: async () =>
      (
        await api.put<StoredReport>(`/seo/reports/${model}/${documentId}`, {
          keyphrase: keyphrase.trim() || null,
          synonyms: splitSynonyms(synonyms),
          ...(locale ? { locale } : {}),
        })
      ).data,
    onSuccess: (saved) => {
      client.setQueryData(reportKey, saved);
      toggleNotification({ type: 'success', message: formatMessage(msg('seo.panel.saved')) });
    },
    onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
  });

  const setting = types.data?.find((type) => type.uid === model);
  const typed = useMemo(() => ({ values, keyphrase, synonyms }), [values, keyphrase, synonyms]);
  const settled = useDebounced(typed, TYPING_PAUSE_MS);
  const analysis = useMemo(() => {
    if (!setting?.enabled || !contentType) return null;
    performance.mark(`${RESCORE}:start`);
    const lookup = (uid: string) => components[uid]?.attributes as Attributes | undefined;
    const paper = paperOfEntry(
      settled.values ?? {},
      setting.mapping,
      contentType.attributes as Attributes,
      lookup,
      {
        keyphrase: settled.keyphrase || undefined,
        synonyms: splitSynonyms(settled.synonyms),
        locale: locale ?? undefined,
      },
    );
    const result = analyze(paper);
    performance.measure(`${RESCORE}:analysis`, `${RESCORE}:start`);
    return { paper, result };
  }, [settled, setting, contentType, components, locale]);
  useLayoutEffect(() => {
    if (analysis) performance.measure(RESCORE, `${RESCORE}:start`);
  }, [analysis]);

  if (types.isLoading) {
    return (
      <Flex justifyContent="center" padding={4}>
        <Loader small />
      </Flex>
    );
  }
  if (types.isError) {
    return <Typography textColor="danger600">{errorMessage(types.error)}</Typography>;
  }
  if (report.isError) {
    return <Typography textColor="danger600">{errorMessage(report.error)}</Typography>;
  }
  if (!setting?.enabled || !analysis) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage(msg('seo.panel.disabled'))}
      </Typography>
    );
  }
  // The site-wide check runs on the server: shown from the stored report while the keyphrase stands.
  const siteWide = report.data?.assessments?.assessments.find(
    (item) => item.id === 'previouslyUsedKeyphrase',
  );
  const result =
    siteWide && report.data?.keyphrase === keyphrase.trim()
      ? {
          ...analysis.result,
          assessments: [
            ...analysis.result.assessments,
            { ...siteWide, group: 'seo' as const, rating: siteWide.rating as 'good', score: 0 },
          ],
        }
      : analysis.result;
  const { paper } = analysis;

  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-testid="seo-panel">
      <ScoreBadges seo={result.seoScore} readability={result.readabilityScore} />
      <FocusFields
        keyphrase={keyphrase}
        synonyms={synonyms}
        onKeyphrase={setKeyphrase}
        onSynonyms={setSynonyms}
        onSave={save.mutate}
        saving={save.isPending}
        saved={Boolean(documentId)}
      />
      <Section title={formatMessage(msg('seo.panel.seo'))}>
        <AssessmentList analysis={result} group="seo" />
      </Section>
      <Section title={formatMessage(msg('seo.panel.readability'))}>
        <AssessmentList analysis={result} group="readability" />
      </Section>
      <Section title={formatMessage(msg('seo.preview.title'))}>
        <SearchPreview
          title={paper.metaTitle || paper.title || ''}
          description={paper.metaDescription ?? ''}
          slug={paper.slug ?? ''}
          baseUrl={window.location.origin}
        />
      </Section>
    </Flex>
  );
};

/** The focus keyphrase and synonyms with their save button; memoised like the rest of the panel. */
const FocusFields = memo(function FocusFields({
  keyphrase,
  synonyms,
  onKeyphrase,
  onSynonyms,
  onSave,
  saving,
  saved,
}: {
  keyphrase: string;
  synonyms: string;
  onKeyphrase(value: string): void;
  onSynonyms(value: string): void;
  onSave(): void;
  saving: boolean;
  saved: boolean;
}) {
  const { formatMessage } = useIntl();
  return (
    <>
      <Field.Root name="seo-keyphrase" hint={formatMessage(msg('seo.panel.keyphrase.hint'))}>
        <Field.Label>{formatMessage(msg('seo.panel.keyphrase'))}</Field.Label>
        <TextInput
          value={keyphrase}
          onChange={(event: { target: { value: string } }) => onKeyphrase(event.target.value)}
        />
        <Field.Hint />
      </Field.Root>
      <Field.Root name="seo-synonyms" hint={formatMessage(msg('seo.panel.synonyms.hint'))}>
        <Field.Label>{formatMessage(msg('seo.panel.synonyms'))}</Field.Label>
        <TextInput
          value={synonyms}
          onChange={(event: { target: { value: string } }) => onSynonyms(event.target.value)}
        />
        <Field.Hint />
      </Field.Root>
      <Button
        variant="secondary"
        loading={saving}
        disabled={!saved}
        onClick={() => onSave()}
        fullWidth
      >
        {formatMessage(msg(saved ? 'seo.panel.save' : 'seo.panel.saveFirst'))}
      </Button>
    </>
  );
});

/** The panel with the plugin's query client: the edit view has none of its own for us. */
export const SeoPanelWithData = (props: Parameters<typeof SeoPanelContent>[0]) => (
  <QueryClientProvider client={queryClient}>
    <SeoPanelContent {...props} />
  </QueryClientProvider>
);
