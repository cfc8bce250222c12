import { Box, Button, Field, Flex, Loader, TextInput, Typography } from '@strapi/design-system';
import { Check, Sparkle } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { AltTextResponse, AltTextSuggestion } from '../../../../contracts/seo-tools';
import { errorMessage, useApi } from '../../../hooks/useApi';
import { msg } from '../../../utils/translations';
import { EntryPicker } from './EntryPicker';
import { entryRef, type EntryChoice } from './subject';
import { ToolCard } from './ToolCard';
import { ErrorText } from '../../../components/ErrorText';

/** One image: its suggestion, editable, applied to the media library file on click. */
const ImageRow = ({ image }: { image: AltTextSuggestion }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { put } = useFetchClient();
  const [alt, setAlt] = useState(image.suggestion ?? '');
  // The media library's own route and permission (Update on the file) apply it.
  const apply = useMutation({
    mutationFn: () =>
      put(`/upload/files/${image.fileId}`, { fileInfo: { alternativeText: alt.trim() } }),
    onSuccess: () =>
      toggleNotification({ type: 'success', message: formatMessage(msg('seo.tools.alt.applied')) }),
    onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
  });
  return (
    <Flex gap={4} alignItems="flex-start" data-testid="alt-text-image">
      <Box
        width="96px"
        height="96px"
        background="neutral100"
        hasRadius
        style={{ overflow: 'hidden', flexShrink: 0 }}
      >
        <img src={image.url} alt="" style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
      </Box>
      <Flex direction="column" alignItems="stretch" gap={2} flex="1">
        <Typography variant="omega" fontWeight="bold">
          {image.name}
        </Typography>
        {image.error ? (
          <Typography textColor="warning700">{image.error}</Typography>
        ) : (
          <Flex gap={3} alignItems="flex-end">
            <Box flex="1">
              <Field.Root name={`alt-${image.fileId}`}>
                <Field.Label>{formatMessage(msg('seo.tools.alt.suggestion'))}</Field.Label>
                <TextInput
                  value={alt}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    setAlt(event.target.value)
                  }
                />
              </Field.Root>
            </Box>
            <Button
              variant="secondary"
              startIcon={apply.isSuccess ? <Check /> : undefined}
              loading={apply.isPending}
              disabled={!alt.trim()}
              onClick={() => apply.mutate()}
            >
              {formatMessage(msg(apply.isSuccess ? 'seo.tools.alt.done' : 'seo.tools.alt.apply'))}
            </Button>
          </Flex>
        )}
      </Flex>
    </Flex>
  );
};

/** Alt text for an entry's images that have none, written by a model that reads images. */
export const AltTextTool = () => {
  const { formatMessage } = useIntl();
  const api = useApi();
  const [entry, setEntry] = useState<EntryChoice | null>(null);
  const suggest = useMutation({
    mutationFn: async () =>
      (
        await api.post<AltTextResponse['data']>('/seo/tools/alt-text', {
          entry: entryRef(entry!),
        })
      ).data,
  });
  const result = suggest.data;
  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <ToolCard subtitle={formatMessage(msg('seo.tools.alt.intro'))}>
        <EntryPicker
          value={entry}
          onChange={(next) => {
            setEntry(next);
            suggest.reset();
          }}
        />
        <Flex justifyContent="flex-end">
          <Button
            startIcon={<Sparkle />}
            loading={suggest.isPending}
            disabled={!entry}
            onClick={() => suggest.mutate()}
          >
            {formatMessage(msg('seo.tools.alt.suggest'))}
          </Button>
        </Flex>
        <ErrorText error={suggest.error} />
      </ToolCard>
      {suggest.isPending ? <Loader>{formatMessage(msg('seo.tools.alt.looking'))}</Loader> : null}
      {result ? (
        <ToolCard
          title={formatMessage(msg('seo.tools.alt.images'))}
          subtitle={formatMessage(msg('seo.tools.alt.summary'), {
            missing: result.images.length,
            withAlt: result.withAlt,
          })}
        >
          {result.images.length ? (
            result.images.map((image) => (
              <ImageRow key={`${image.fileId}:${image.suggestion ?? ''}`} image={image} />
            ))
          ) : (
            <Typography textColor="success600">
              {formatMessage(msg('seo.tools.alt.none'))}
            </Typography>
          )}
        </ToolCard>
      ) : null}
    </Flex>
  );
};
