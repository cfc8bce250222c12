import {
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { Check, Sparkle } from '@strapi/icons';
import {
  unstable_useContentManagerContext as useContentManagerContext,
  useForm,
  useNotification,
} from '@strapi/strapi/admin';
import { useState, type ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import type { RewriteBody } from '../../../contracts/writers';
import { useStreamedPost } from '../../hooks/useStreamedPost';
import { isJsonObject } from '../../utils/json-schema';
import { msg } from '../../utils/translations';
import { RewriteOptions, type RewriteChoice } from './RewriteOptions';
import { labelsOf, textFieldsOf } from './text-fields';

const bodyOf = (
  text: string,
  choice: RewriteChoice,
  format: RewriteBody['format'],
): RewriteBody => ({
  text,
  operation: choice.operation,
  format,
  ...(choice.operation === 'tone' ? { tone: choice.tone } : {}),
  ...(choice.operation === 'translate' ? { locale: choice.locale } : {}),
});

/**
 * "Write with AI" in the Content Manager: one text field of the entry being edited, rewritten
 * into a preview the user can still edit. The entry's form only changes on Apply, and like
 * any edit it is saved with the entry, not before.
 */
export const RewriteDialog = ({ onClose }: { onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { contentType, layout } = useContentManagerContext();
  const values = useForm('WriteWithAi', (state) => state.values);
  const setValue = useForm('WriteWithAi', (state) => state.onChange);
  const stream = useStreamedPost<{ text: string }>();
  const fields = textFieldsOf(contentType?.attributes, labelsOf(layout?.edit?.layout));
  const [fieldName, setFieldName] = useState(fields[0]?.name ?? '');
  const [choice, setChoice] = useState<RewriteChoice>({
    operation: 'rephrase',
    tone: 'friendly',
    locale: '',
  });
  const [preview, setPreview] = useState('');
  const field = fields.find((candidate) => candidate.name === fieldName);
  const current = isJsonObject(values) ? values[fieldName] : undefined;
  const source = typeof current === 'string' ? current : '';
  const streaming = stream.status === 'streaming';
  const ready =
    Boolean(field && source.trim()) &&
    (choice.operation !== 'tone' || Boolean(choice.tone)) &&
    (choice.operation !== 'translate' || Boolean(choice.locale));

  const rewrite = async () => {
    if (!field) return;
    setPreview('');
    const outcome = await stream.start('/rewrite', bodyOf(source, choice, field.format));
    if (outcome.status === 'done') setPreview(outcome.result.text);
    else if (outcome.status === 'failed')
      toggleNotification({ type: 'danger', message: outcome.error });
  };

  if (fields.length === 0) {
    return (
      <Modal.Body>
        <EmptyStateLayout content={formatMessage(msg('rewrite.noFields'))} />
      </Modal.Body>
    );
  }

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Field.Root id="rewrite-field" name="field" required>
            <Field.Label>{formatMessage(msg('rewrite.field'))}</Field.Label>
            <SingleSelect
              value={fieldName}
              disabled={streaming}
              onChange={(name: string | number) => {
                setFieldName(String(name));
                setPreview('');
                stream.reset();
              }}
            >
              {fields.map((candidate) => (
                <SingleSelectOption key={candidate.name} value={candidate.name}>
                  {candidate.label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          {source.trim() ? null : (
            <Typography textColor="neutral600">
              {formatMessage(msg('rewrite.emptyField'))}
            </Typography>
          )}
          <RewriteOptions value={choice} onChange={setChoice} disabled={streaming} />
          <Flex justifyContent="flex-end" gap={2}>
            {streaming ? (
              <Button variant="danger-light" onClick={stream.stop}>
                {formatMessage(msg('writer.stop'))}
              </Button>
            ) : null}
            <Button
              variant="secondary"
              startIcon={<Sparkle />}
              disabled={!ready}
              loading={streaming}
              onClick={() => void rewrite()}
            >
              {formatMessage(msg('rewrite.preview'))}
            </Button>
          </Flex>
          <Field.Root
            id="rewrite-result"
            name="result"
            hint={formatMessage(msg('rewrite.result.hint'))}
          >
            <Field.Label>{formatMessage(msg('rewrite.result'))}</Field.Label>
            <Textarea
              value={streaming ? stream.text : preview}
              readOnly={streaming}
              aria-busy={streaming}
              onChange={(event: ChangeEvent<HTMLTextAreaElement>) => setPreview(event.target.value)}
            />
            <Field.Hint />
          </Field.Root>
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          {formatMessage(msg('common.cancel'))}
        </Button>
        <Button
          startIcon={<Check />}
          disabled={streaming || !preview.trim()}
          onClick={() => {
            setValue(fieldName, preview);
            onClose();
          }}
        >
          {formatMessage(msg('rewrite.apply'))}
        </Button>
      </Modal.Footer>
    </>
  );
};
