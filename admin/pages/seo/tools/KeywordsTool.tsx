import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Grid,
  Loader,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Search, Sparkle } from '@strapi/icons';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { OutputOf } from '../../../../writers';
import type { KeywordReport } from '../../../../analysis/seo/tools/keywords';
import { ACTIONS } from '../../../../contracts/permissions';
import { useApi } from '../../../hooks/useApi';
import { useWriterOutput } from '../../../hooks/useWriterOutput';
import { usePermissions } from '../../../hooks/usePermissions';
import { msg } from '../../../utils/translations';
import { SubjectPicker } from './SubjectPicker';
import { EMPTY_SUBJECT, isReady, subjectBody, type Subject } from './subject';
import { TermBars } from './TermBars';
import { ToolCard } from './ToolCard';
import { ErrorText } from '../../../components/ErrorText';

type Report = KeywordReport & { title: string | null };

type Ideas = OutputOf<'seo-keywords'>;

const IDEAS = 8;

/** Density and placement of the keyphrase, the text's terms, and what sets it apart. */
export const KeywordsTool = () => {
  const { formatMessage, formatNumber } = useIntl();
  const api = useApi();
  const runWriter = useWriterOutput();
  const [subject, setSubject] = useState<Subject>(EMPTY_SUBJECT);
  const [keyphrase, setKeyphrase] = useState('');

  const canWrite = usePermissions().can(ACTIONS.writerUse);
  const suggest = useMutation({
    mutationFn: async (report: Report) => {
      const terms = [...report.terms.two, ...report.terms.one].map((term) => term.term);
      const phrase = report.keyphrase?.text;
      return runWriter<Ideas>('seo-keywords', {
        topic: (report.title || phrase || terms[0] || 'this page').slice(0, 300),
        ideas: IDEAS,
        ...(phrase ? { keywords: { primary: phrase.slice(0, 80) } } : {}),
        ...(report.language ? { locale: report.language } : {}),
        sourceNotes: `The page has ${report.wordCount} words. Its commonest terms: ${terms.join(', ')}.`,
      });
    },
  });

  const analyse = useMutation({
    // Ideas belong to the report they were asked for.
    onMutate: () => suggest.reset(),
    mutationFn: async () =>
      (
        await api.post<Report>('/seo/tools/keywords', {
          ...subjectBody(subject),
          ...(keyphrase.trim() ? { keyphrase: keyphrase.trim() } : {}),
        })
      ).data,
  });

  const report = analyse.data;
  const check = (yes: boolean) => formatMessage(msg(yes ? 'seo.tools.yes' : 'seo.tools.no'));
  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <ToolCard>
        <SubjectPicker
          value={subject}
          onChange={(next) => {
            setSubject(next);
            analyse.reset();
            suggest.reset();
          }}
        />
        <Flex gap={4} alignItems="flex-end">
          <Box flex="1">
            <Field.Root
              name="tool-keyphrase"
              hint={formatMessage(msg('seo.tools.keywords.keyphrase.hint'))}
            >
              <Field.Label>{formatMessage(msg('seo.panel.keyphrase'))}</Field.Label>
              <TextInput
                value={keyphrase}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  setKeyphrase(event.target.value)
                }
              />
              <Field.Hint />
            </Field.Root>
          </Box>
          <Button
            startIcon={<Search />}
            loading={analyse.isPending}
            disabled={!isReady(subject)}
            onClick={() => analyse.mutate()}
          >
            {formatMessage(msg('seo.tools.analyse'))}
          </Button>
        </Flex>
        <ErrorText error={analyse.error} />
      </ToolCard>

      {report ? (
        <>
          <ToolCard title={formatMessage(msg('seo.tools.keywords.keyphrase'))}>
            {report.keyphrase ? (
              <Grid.Root gap={4} data-testid="keyword-stats">
                {(
                  [
                    ['seo.tools.keywords.words', formatNumber(report.wordCount)],
                    ['seo.tools.keywords.occurrences', formatNumber(report.keyphrase.occurrences)],
                    ['seo.tools.keywords.density', `${formatNumber(report.keyphrase.density)} %`],
                    ['seo.tools.keywords.prominence', `${report.keyphrase.prominence} / 100`],
                    ['seo.tools.keywords.inTitle', check(report.keyphrase.inTitle)],
                    ['seo.tools.keywords.inIntroduction', check(report.keyphrase.inIntroduction)],
                    [
                      'seo.tools.keywords.inSubheadings',
                      `${report.keyphrase.subheadingsWith} / ${report.keyphrase.subheadings}`,
                    ],
                  ] as const
                ).map(([label, value]) => (
                  <Grid.Item
                    key={label}
                    col={3}
                    s={6}
                    xs={12}
                    direction="column"
                    alignItems="flex-start"
                  >
                    <Typography variant="sigma" textColor="neutral600">
                      {formatMessage(msg(label))}
                    </Typography>
                    <Typography variant="delta">{value}</Typography>
                  </Grid.Item>
                ))}
              </Grid.Root>
            ) : (
              <Typography textColor="neutral600">
                {formatMessage(msg('seo.tools.keywords.noKeyphrase'))}
              </Typography>
            )}
          </ToolCard>

          <Grid.Root gap={4}>
            {(['one', 'two', 'three'] as const).map((size) => (
              <Grid.Item key={size} col={4} s={12} direction="column" alignItems="stretch">
                <ToolCard title={formatMessage(msg(`seo.tools.keywords.terms.${size}`))}>
                  {report.terms[size].length ? (
                    <TermBars
                      label={formatMessage(msg(`seo.tools.keywords.terms.${size}`))}
                      bars={report.terms[size].map((term) => ({
                        label: term.term,
                        value: term.count,
                        detail: `${term.count} × · ${formatNumber(term.density)} %`,
                      }))}
                    />
                  ) : (
                    <Typography textColor="neutral600">
                      {formatMessage(msg('seo.tools.keywords.noTerms'))}
                    </Typography>
                  )}
                </ToolCard>
              </Grid.Item>
            ))}
          </Grid.Root>

          <ToolCard
            title={formatMessage(msg('seo.tools.keywords.distinctive'))}
            subtitle={
              report.distinctive
                ? formatMessage(msg('seo.tools.keywords.distinctive.against'), {
                    count: report.corpusDocuments,
                  })
                : formatMessage(msg('seo.tools.keywords.distinctive.none'))
            }
          >
            {report.distinctive?.length ? (
              <TermBars
                label={formatMessage(msg('seo.tools.keywords.distinctive'))}
                bars={report.distinctive.map((term) => ({
                  label: term.term,
                  value: term.score,
                  detail: formatMessage(msg('seo.tools.keywords.distinctive.detail'), {
                    score: term.score,
                    documents: term.documents,
                  }),
                }))}
              />
            ) : null}
          </ToolCard>

          {/* The ideas are a writer's run: they need the writer permission too. */}
          {canWrite ? (
            <ToolCard
              title={formatMessage(msg('seo.tools.keywords.ideas'))}
              subtitle={formatMessage(msg('seo.tools.keywords.ideas.intro'))}
              action={
                <Button
                  variant="secondary"
                  startIcon={<Sparkle />}
                  loading={suggest.isPending}
                  onClick={() => suggest.mutate(report)}
                >
                  {formatMessage(
                    msg(suggest.data ? 'seo.tools.again' : 'seo.tools.keywords.ideas.suggest'),
                  )}
                </Button>
              }
            >
              {suggest.isPending ? (
                <Loader small>{formatMessage(msg('seo.tools.writing'))}</Loader>
              ) : null}
              <ErrorText error={suggest.error} />
              {suggest.data ? (
                <Grid.Root gap={4} data-testid="keyword-ideas">
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch" gap={2}>
                    <Typography variant="sigma">
                      {formatMessage(msg('seo.tools.keywords.ideas.phrases'))}
                    </Typography>
                    {suggest.data.keyphrases.map((idea, i) => (
                      <Flex key={i} gap={2}>
                        <Typography>{idea.keyphrase}</Typography>
                        <Badge>{idea.intent}</Badge>
                      </Flex>
                    ))}
                  </Grid.Item>
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch" gap={2}>
                    <Typography variant="sigma">
                      {formatMessage(msg('seo.tools.keywords.ideas.questions'))}
                    </Typography>
                    {suggest.data.questions.map((question, i) => (
                      <Typography key={i}>{question}</Typography>
                    ))}
                  </Grid.Item>
                </Grid.Root>
              ) : null}
            </ToolCard>
          ) : null}
        </>
      ) : null}
    </Flex>
  );
};
