import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Grid,
  IconButton,
  Loader,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Plus, Sparkle, Trash } from '@strapi/icons';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { OutputOf } from '../../../../writers';
import { describeGap, type ContentGap } from '../../../../analysis/seo/tools/content-gap';
import { MAX_COMPETITORS } from '../../../../contracts/seo-tools';
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

type Gap = ContentGap & { title: string | null };

type Advice = OutputOf<'content-gap'>;

interface Competitor {
  key: number;
  label: string;
  html: string;
}

/**
 * What of a pasted page the comparison never reads, dropped before it is sent: pages are large
 * and the request body is capped.
 */
const withoutScripts = (html: string) =>
  html
    .replace(/<(script|style|svg|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');

let nextKey = 0;
const blankPage = (): Competitor => ({ key: (nextKey += 1), label: '', html: '' });

/** An entry against up to five competitor pages: the headings and terms it lacks, then advice. */
export const ContentGapTool = () => {
  const { formatMessage } = useIntl();
  const api = useApi();
  const runWriter = useWriterOutput();
  const [subject, setSubject] = useState<Subject>(EMPTY_SUBJECT);
  const [pages, setPages] = useState<Competitor[]>(() => [blankPage()]);
  const filled = pages.filter((page) => page.html.trim());

  const canWrite = usePermissions().can(ACTIONS.writerUse);
  const advise = useMutation({
    mutationFn: async (gap: Gap) => {
      return runWriter<Advice>('content-gap', {
        topic: (gap.title || formatMessage(msg('seo.meta.untitled'))).slice(0, 300),
        sourceNotes: describeGap(gap),
      });
    },
  });
  const compare = useMutation({
    // Advice belongs to the comparison it was asked for.
    onMutate: () => advise.reset(),
    mutationFn: async () =>
      (
        await api.post<Gap>('/seo/tools/content-gap', {
          ...subjectBody(subject),
          competitors: filled.map((page) => ({
            html: withoutScripts(page.html),
            ...(page.label.trim() ? { label: page.label.trim() } : {}),
          })),
        })
      ).data,
  });
  const gap = compare.data;

  const update = (key: number, change: Partial<Competitor>) =>
    setPages((current) =>
      current.map((page) => (page.key === key ? { ...page, ...change } : page)),
    );

  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <ToolCard>
        <SubjectPicker
          value={subject}
          onChange={(next) => {
            setSubject(next);
            compare.reset();
            advise.reset();
          }}
        />
      </ToolCard>
      <ToolCard
        title={formatMessage(msg('seo.tools.gap.pages'))}
        subtitle={formatMessage(msg('seo.tools.gap.pages.intro'), { max: MAX_COMPETITORS })}
      >
        {pages.map((page, i) => (
          <Flex key={page.key} gap={3} alignItems="flex-start">
            <Box width="220px">
              <Field.Root name={`gap-label-${i}`}>
                <Field.Label>
                  {formatMessage(msg('seo.tools.gap.label'), { number: i + 1 })}
                </Field.Label>
                <TextInput
                  value={page.label}
                  placeholder={formatMessage(msg('seo.tools.gap.label.placeholder'), {
                    number: i + 1,
                  })}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    update(page.key, { label: event.target.value })
                  }
                />
              </Field.Root>
            </Box>
            <Box flex="1">
              <Field.Root name={`gap-html-${i}`}>
                <Field.Label>
                  {formatMessage(msg('seo.tools.gap.html'), { number: i + 1 })}
                </Field.Label>
                <Textarea
                  rows={4}
                  value={page.html}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                    update(page.key, { html: event.target.value })
                  }
                />
              </Field.Root>
            </Box>
            <Box paddingTop={6}>
              <IconButton
                label={formatMessage(msg('seo.tools.gap.remove'), { number: i + 1 })}
                disabled={pages.length === 1}
                onClick={() =>
                  setPages((current) => current.filter((other) => other.key !== page.key))
                }
              >
                <Trash />
              </IconButton>
            </Box>
          </Flex>
        ))}
        <Flex justifyContent="space-between">
          <Button
            variant="tertiary"
            startIcon={<Plus />}
            disabled={pages.length >= MAX_COMPETITORS}
            onClick={() => setPages((current) => [...current, blankPage()])}
          >
            {formatMessage(msg('seo.tools.gap.add'))}
          </Button>
          <Button
            loading={compare.isPending}
            disabled={!isReady(subject) || !filled.length}
            onClick={() => compare.mutate()}
          >
            {formatMessage(msg('seo.tools.gap.compare'))}
          </Button>
        </Flex>
        <ErrorText error={compare.error} />
      </ToolCard>

      {gap ? (
        <>
          <Grid.Root gap={4}>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <ToolCard
                title={formatMessage(msg('seo.tools.gap.headings'))}
                subtitle={formatMessage(msg('seo.tools.gap.headings.intro'))}
              >
                {gap.headings.length ? (
                  <Box tag="ul" data-testid="gap-headings">
                    {gap.headings.map((heading) => (
                      <Flex key={heading.heading} tag="li" gap={2} paddingBottom={2} wrap="wrap">
                        <Typography>{heading.heading}</Typography>
                        {heading.pages.map((label) => (
                          <Badge key={label}>{label}</Badge>
                        ))}
                      </Flex>
                    ))}
                  </Box>
                ) : (
                  <Typography textColor="neutral600">
                    {formatMessage(msg('seo.tools.gap.headings.none'))}
                  </Typography>
                )}
              </ToolCard>
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <ToolCard
                title={formatMessage(msg('seo.tools.gap.terms'))}
                subtitle={formatMessage(msg('seo.tools.gap.terms.intro'))}
              >
                {gap.terms.length ? (
                  <TermBars
                    label={formatMessage(msg('seo.tools.gap.terms'))}
                    bars={gap.terms.map((term) => ({
                      label: term.term,
                      value: term.uses,
                      detail: formatMessage(msg('seo.tools.gap.terms.detail'), {
                        pages: term.pages,
                        uses: term.uses,
                      }),
                    }))}
                  />
                ) : (
                  <Typography textColor="neutral600">
                    {formatMessage(msg('seo.tools.gap.terms.none'))}
                  </Typography>
                )}
              </ToolCard>
            </Grid.Item>
          </Grid.Root>
          {/* The advice is a writer's run: it needs the writer permission too. */}
          {canWrite ? (
            <ToolCard
              title={formatMessage(msg('seo.tools.gap.advice'))}
              subtitle={formatMessage(msg('seo.tools.gap.lengths'), {
                words: gap.entry.wordCount,
                pages: gap.pages.map((page) => `${page.label}: ${page.wordCount}`).join(', '),
              })}
              action={
                <Button
                  variant="secondary"
                  startIcon={<Sparkle />}
                  loading={advise.isPending}
                  onClick={() => advise.mutate(gap)}
                >
                  {formatMessage(msg(advise.data ? 'seo.tools.again' : 'seo.tools.gap.advise'))}
                </Button>
              }
            >
              {advise.isPending ? (
                <Loader small>{formatMessage(msg('seo.tools.writing'))}</Loader>
              ) : null}
              <ErrorText error={advise.error} />
              {advise.data ? (
                <Flex direction="column" alignItems="stretch" gap={3} data-testid="gap-advice">
                  <Typography>{advise.data.summary}</Typography>
                  {advise.data.additions.map((addition, i) => (
                    <Box key={i}>
                      <Typography variant="omega" fontWeight="bold">
                        {addition.heading}
                      </Typography>
                      <Typography variant="pi" textColor="neutral600" tag="p">
                        {addition.why}
                      </Typography>
                      <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
                        {addition.points.map((point, j) => (
                          <li key={j}>
                            <Typography variant="pi">{point}</Typography>
                          </li>
                        ))}
                      </Box>
                    </Box>
                  ))}
                </Flex>
              ) : null}
            </ToolCard>
          ) : null}
        </>
      ) : null}
    </Flex>
  );
};
