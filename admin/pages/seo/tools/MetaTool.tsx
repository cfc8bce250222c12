import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  Loader,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Sparkle } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { OutputOf } from '../../../../writers';
import { LocaleSelect } from '../../../components/schema-form/LocaleSelect';
import { SearchPreview } from '../../../components/seo/SearchPreview';
import { useWriterOutput } from '../../../hooks/useWriterOutput';
import { msg } from '../../../utils/translations';
import { ToolCard } from './ToolCard';
import { ErrorText } from '../../../components/ErrorText';

type MetaVariant = OutputOf<'seo-meta'>['variants'][number];

const VARIANTS = 3;

/** The meta writer on its own: a topic or a page's text in, three previewed variants out. */
export const MetaTool = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const runWriter = useWriterOutput();
  const [topic, setTopic] = useState('');
  const [keyphrase, setKeyphrase] = useState('');
  const [page, setPage] = useState('');
  const [locale, setLocale] = useState('en');
  const [slug, setSlug] = useState('');

  const generate = useMutation({
    mutationFn: async () => {
      return (
        await runWriter<{ variants: MetaVariant[] }>('seo-meta', {
          topic: topic.trim(),
          variants: VARIANTS,
          locale,
          ...(keyphrase.trim() ? { keywords: { primary: keyphrase.trim() } } : {}),
          ...(page.trim() ? { sourceNotes: page.trim().slice(0, 20_000) } : {}),
        })
      ).variants;
    },
  });

  const copy = async (variant: MetaVariant) => {
    await navigator.clipboard.writeText(`${variant.metaTitle}\n${variant.metaDescription}`);
    toggleNotification({ type: 'success', message: formatMessage(msg('seo.tools.copied')) });
  };

  const field = (
    name: string,
    label: string,
    value: string,
    set: (next: string) => void,
    hint?: string,
  ) => (
    <Field.Root name={name} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        value={value}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => set(event.target.value)}
      />
      {hint ? <Field.Hint /> : null}
    </Field.Root>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <ToolCard>
        <Grid.Root gap={4}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            {field('meta-topic', formatMessage(msg('seo.tools.meta.topic')), topic, setTopic)}
          </Grid.Item>
          <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
            {field(
              'meta-keyphrase',
              formatMessage(msg('seo.panel.keyphrase')),
              keyphrase,
              setKeyphrase,
            )}
          </Grid.Item>
          <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
            <Field.Root name="meta-locale">
              <Field.Label>{formatMessage(msg('seo.tools.entry.locale'))}</Field.Label>
              <LocaleSelect value={locale} onChange={setLocale} />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Field.Root name="meta-page" hint={formatMessage(msg('seo.tools.meta.page.hint'))}>
              <Field.Label>{formatMessage(msg('seo.tools.meta.page'))}</Field.Label>
              <Textarea
                rows={6}
                value={page}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                  setPage(event.target.value)
                }
              />
              <Field.Hint />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            {field('meta-slug', formatMessage(msg('seo.tools.meta.slug')), slug, setSlug)}
          </Grid.Item>
        </Grid.Root>
        <Flex justifyContent="flex-end">
          <Button
            startIcon={<Sparkle />}
            loading={generate.isPending}
            disabled={topic.trim().length < 3}
            onClick={() => generate.mutate()}
          >
            {formatMessage(msg(generate.data ? 'seo.meta.again' : 'seo.meta.generate'))}
          </Button>
        </Flex>
        <ErrorText error={generate.error} />
      </ToolCard>
      {generate.isPending ? (
        <Flex justifyContent="center" padding={4} gap={2}>
          <Loader small />
          <Typography>{formatMessage(msg('seo.meta.writing'))}</Typography>
        </Flex>
      ) : null}
      {(generate.data ?? []).map((variant, i) => (
        <ToolCard key={i}>
          <Box data-testid="seo-tools-meta-variant">
            <SearchPreview
              title={variant.metaTitle}
              description={variant.metaDescription}
              slug={slug}
              baseUrl={window.location.origin}
            />
          </Box>
          <Flex justifyContent="flex-end">
            <Button variant="secondary" onClick={() => void copy(variant)}>
              {formatMessage(msg('seo.tools.meta.copy'), { number: i + 1 })}
            </Button>
          </Flex>
        </ToolCard>
      ))}
    </Flex>
  );
};
