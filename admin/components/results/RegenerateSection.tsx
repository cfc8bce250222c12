import { Button, Field, Flex, TextInput } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import type { GenerationView } from '../../../contracts/generations';
import { errorMessage, useApi } from '../../hooks/useApi';
import { useStoreGeneration } from '../../hooks/useWriterData';
import { msg } from '../../utils/translations';

interface RegenerateSectionProps {
  documentId: string;
  index: number;
}

/** Rewrites one section of a finished post, optionally told what to change. */
export const RegenerateSection = ({ documentId, index }: RegenerateSectionProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useApi();
  const store = useStoreGeneration();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [instructions, setInstructions] = useState('');

  const regenerate = useMutation({
    mutationFn: () =>
      api.post<GenerationView>(
        `/generations/${documentId}/sections/${index}/regenerate`,
        instructions.trim() ? { instructions: instructions.trim() } : {},
      ),
    onSuccess: ({ data }) => {
      store(data);
      setOpen(false);
      setInstructions('');
      toggleNotification({ type: 'success', message: formatMessage(msg('result.regenerated')) });
    },
    onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
  });

  if (!open) {
    return (
      <Button
        variant="tertiary"
        size="S"
        startIcon={<ArrowClockwise />}
        onClick={() => setOpen(true)}
      >
        {formatMessage(msg('result.regenerate'))}
      </Button>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        regenerate.mutate();
      }}
    >
      <Flex gap={2} alignItems="flex-end">
        <Field.Root id={`${id}-instructions`} name="instructions" style={{ flex: 1 }}>
          <Field.Label>{formatMessage(msg('result.regenerate.instructions'))}</Field.Label>
          <TextInput
            autoFocus
            value={instructions}
            maxLength={1000}
            placeholder={formatMessage(msg('result.regenerate.placeholder'))}
            onChange={(event: ChangeEvent<HTMLInputElement>) => setInstructions(event.target.value)}
          />
        </Field.Root>
        <Button
          type="submit"
          size="L"
          startIcon={<ArrowClockwise />}
          loading={regenerate.isPending}
        >
          {formatMessage(msg('result.regenerate'))}
        </Button>
        <Button
          variant="tertiary"
          size="L"
          disabled={regenerate.isPending}
          onClick={() => setOpen(false)}
        >
          {formatMessage(msg('common.cancel'))}
        </Button>
      </Flex>
    </form>
  );
};
