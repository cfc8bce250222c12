import {
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  Loader,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Check, File } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { OutputSlot, SavedDraft, SaveDraftBody, SaveTarget } from '../../../contracts/writers';
import { errorMessage, useApi } from '../../hooks/useApi';
import { generationKey } from '../../hooks/useWriterData';
import { msg } from '../../utils/translations';
import { FieldMapping } from './FieldMapping';
import { bodyOf, formFor, type SaveDraftForm } from './mapping';

interface SaveDraftDialogProps {
  documentId: string;
  /** The pieces of the output a field can take. */
  slots: readonly OutputSlot[];
  onSaved: (draft: SavedDraft) => void;
}

/**
 * "Save as draft": a new draft entry of a collection type, its fields filled from the output.
 * The types offered are the ones the user may create; the server refuses (403) otherwise.
 */
export const SaveDraftDialog = ({ documentId, slots, onSaved }: SaveDraftDialogProps) => {
  const { formatMessage } = useIntl();
  const [open, setOpen] = useState(false);
  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant="secondary" startIcon={<File />}>
          {formatMessage(msg('save.open'))}
        </Button>
      </Modal.Trigger>
      {open ? (
        <SaveDraftContent
          documentId={documentId}
          slots={slots}
          onSaved={(draft) => {
            setOpen(false);
            onSaved(draft);
          }}
        />
      ) : null}
    </Modal.Root>
  );
};

const SaveDraftContent = ({ documentId, slots, onSaved }: SaveDraftDialogProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useApi();
  const queryClient = useQueryClient();
  const targets = useQuery({
    queryKey: ['save-targets'],
    queryFn: () => api.get<SaveTarget[]>('/save-targets'),
  });
  const [form, setForm] = useState<SaveDraftForm>();
  const list = targets.data?.data ?? [];
  // Until the user picks one, the first type (with its remembered mapping) is proposed.
  const current = form ?? (list[0] ? formFor(list[0], slots) : undefined);
  const target = list.find((candidate) => candidate.uid === current?.uid);
  const body = current && target ? bodyOf(current, target) : undefined;

  const save = useMutation({
    mutationFn: (request: SaveDraftBody) =>
      api.post<SavedDraft>(`/generations/${documentId}/save`, request),
    onSuccess: ({ data }) => {
      toggleNotification({ type: 'success', message: formatMessage(msg('save.saved')) });
      void queryClient.invalidateQueries({ queryKey: generationKey(documentId) });
      // The remembered mapping changed with this save.
      void queryClient.invalidateQueries({ queryKey: ['save-targets'] });
      onSaved(data);
    },
    onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
  });

  return (
    <Modal.Content>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (body) save.mutate(body);
        }}
      >
        <Modal.Header>
          <Modal.Title>{formatMessage(msg('save.title'))}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {targets.isLoading ? (
            <Flex justifyContent="center" padding={6}>
              <Loader>{formatMessage(msg('common.loading'))}</Loader>
            </Flex>
          ) : targets.isError ? (
            <Typography textColor="danger600">{errorMessage(targets.error)}</Typography>
          ) : !current || !target ? (
            <EmptyStateLayout content={formatMessage(msg('save.noTargets'))} />
          ) : (
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root id="save-target" name="uid" required>
                <Field.Label>{formatMessage(msg('save.type'))}</Field.Label>
                <SingleSelect
                  value={current.uid}
                  onChange={(uid: string | number) => {
                    const next = list.find((candidate) => candidate.uid === uid);
                    if (next) setForm(formFor(next, slots));
                  }}
                >
                  {list.map((candidate) => (
                    <SingleSelectOption key={candidate.uid} value={candidate.uid}>
                      {candidate.displayName}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
              {target.locales ? (
                <Field.Root id="save-locale" name="locale" required>
                  <Field.Label>{formatMessage(msg('save.locale'))}</Field.Label>
                  <SingleSelect
                    value={current.locale}
                    onChange={(locale: string | number) =>
                      setForm({ ...current, locale: String(locale) })
                    }
                  >
                    {target.locales.map((locale) => (
                      <SingleSelectOption key={locale.code} value={locale.code}>
                        {locale.name}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              ) : null}
              <FieldMapping
                fields={target.fields}
                slots={slots}
                mapping={current.mapping}
                onChange={(mapping) => setForm({ ...current, mapping })}
              />
              {body ? null : (
                <Typography textColor="danger600" role="alert">
                  {formatMessage(msg('save.mapSomething'))}
                </Typography>
              )}
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{formatMessage(msg('common.cancel'))}</Button>
          </Modal.Close>
          <Button type="submit" startIcon={<Check />} disabled={!body} loading={save.isPending}>
            {formatMessage(msg('save.submit'))}
          </Button>
        </Modal.Footer>
      </form>
    </Modal.Content>
  );
};
