import { Box, Button, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import { Sparkle } from '@strapi/icons';
import {
  unstable_useContentManagerContext as useContentManagerContext,
  useForm,
  useNotification,
} from '@strapi/strapi/admin';
import { QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import type { OutputOf } from '../../../writers';
import { mergeModels, paperOfEntry, textModelOf, type Attributes } from '../../../analysis/seo';
import { useApi } from '../../hooks/useApi';
import { useWriterOutput } from '../../hooks/useWriterOutput';
import { useSeoTypes } from '../../hooks/useSeoTypes';
import { queryClient } from '../../utils/queryClient';
import { msg } from '../../utils/translations';
import { SearchPreview } from './SearchPreview';
import { ErrorText } from '../ErrorText';

const VARIANTS = 3;
/** The writer's source notes take this much of the body. */
const SOURCE_CHARS = 20_000;

type MetaVariant = OutputOf<'seo-meta'>['variants'][number];

interface Props {
  model: string;
  documentId?: string;
  locale: string | null;
  onClose: () => void;
}

/**
 * Three meta title and description pairs written from the entry as it is in the form (its title,
 * its body, its focus keyphrase), each previewed as a search result; Apply fills the fields.
 */
const MetaDialog = ({ model, documentId, locale, onClose }: Props) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useApi();
  const runWriter = useWriterOutput();
  const { contentType, components } = useContentManagerContext();
  const values = useForm('SeoMeta', (state) => state.values) as Record<string, unknown>;
  const setValue = useForm('SeoMeta', (state) => state.onChange);

  const types = useSeoTypes();

  const report = useQuery({
    queryKey: ['seo', 'report', model, documentId, locale],
    enabled: Boolean(documentId),
    queryFn: async () =>
      (
        await api.get<{ keyphrase: string | null } | null>(
          `/seo/reports/${model}/${documentId}`,
          locale ? { locale } : undefined,
        )
      ).data,
  });
  const mapping = types.data?.find((type) => type.uid === model)?.mapping;

  const generate = useMutation({
    mutationFn: async () => {
      const lookup = (uid: string) => components[uid]?.attributes as Attributes | undefined;
      const paper = paperOfEntry(values, mapping!, contentType!.attributes as Attributes, lookup);
      const body = mergeModels(
        (paper.parts ?? []).map((part) => textModelOf(part.content, part.contentFormat)),
      )
        .blocks.map((block) => block.text)
        .join('\n\n')
        .slice(0, SOURCE_CHARS);
      const keyphrase = report.data?.keyphrase;
      return (
        await runWriter<{ variants: MetaVariant[] }>('seo-meta', {
          topic: (paper.title ?? '').trim() || formatMessage(msg('seo.meta.untitled')),
          variants: VARIANTS,
          ...(body ? { sourceNotes: body } : {}),
          ...(keyphrase ? { keywords: { primary: keyphrase } } : {}),
          ...(locale && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) ? { locale } : {}),
        })
      ).variants;
    },
  });

  const apply = (variant: MetaVariant) => {
    if (mapping?.metaTitle) setValue(mapping.metaTitle, variant.metaTitle);
    if (mapping?.metaDescription) setValue(mapping.metaDescription, variant.metaDescription);
    toggleNotification({ type: 'success', message: formatMessage(msg('seo.meta.applied')) });
    onClose();
  };

  const canApply = Boolean(mapping?.metaTitle || mapping?.metaDescription);
  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography variant="omega" textColor="neutral600">
            {formatMessage(
              msg(canApply || types.isLoading ? 'seo.meta.intro' : 'seo.meta.noFields'),
            )}
          </Typography>
          <ErrorText error={types.error} />
          {generate.isPending ? (
            <Flex justifyContent="center" padding={4} gap={2}>
              <Loader small />
              <Typography>{formatMessage(msg('seo.meta.writing'))}</Typography>
            </Flex>
          ) : null}
          <ErrorText error={generate.error} />
          {(generate.data ?? []).map((variant, i) => (
            <Box
              key={i}
              padding={3}
              hasRadius
              borderColor="neutral200"
              data-testid="seo-meta-variant"
            >
              <Flex direction="column" alignItems="stretch" gap={2}>
                <SearchPreview
                  title={variant.metaTitle}
                  description={variant.metaDescription}
                  slug={typeof values.slug === 'string' ? values.slug : ''}
                  baseUrl={window.location.origin}
                />
                <Flex justifyContent="flex-end">
                  <Button variant="secondary" disabled={!canApply} onClick={() => apply(variant)}>
                    {formatMessage(msg('seo.meta.apply'), { number: i + 1 })}
                  </Button>
                </Flex>
              </Flex>
            </Box>
          ))}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          {formatMessage(msg('common.cancel'))}
        </Button>
        <Button
          startIcon={<Sparkle />}
          loading={generate.isPending}
          disabled={!mapping || !canApply}
          onClick={() => generate.mutate()}
        >
          {formatMessage(msg(generate.data ? 'seo.meta.again' : 'seo.meta.generate'))}
        </Button>
      </Modal.Footer>
    </>
  );
};

export const MetaDialogWithData = (props: Props) => (
  <QueryClientProvider client={queryClient}>
    <MetaDialog {...props} />
  </QueryClientProvider>
);
