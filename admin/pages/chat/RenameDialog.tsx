import { Button, Field, IconButton, Modal, TextInput } from '@strapi/design-system';
import { Check, Pencil } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { SESSION_TITLE_MAX, type ChatSessionView } from '../../../contracts/chat';
import { ErrorText } from '../../components/ErrorText';
import { msg } from '../../utils/translations';
import { useRenameSession } from './useChatSessions';

/** Renames a conversation; the field starts with its current title, selected for retyping. */
export const RenameDialog = ({ session }: { session: ChatSessionView }) => {
  const { formatMessage } = useIntl();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(session.title);
  const rename = useRenameSession();
  const trimmed = title.trim();
  const valid = trimmed.length > 0 && trimmed.length <= SESSION_TITLE_MAX;

  return (
    <Modal.Root
      open={open}
      onOpenChange={(next: boolean) => {
        setOpen(next);
        if (next) {
          setTitle(session.title);
          rename.reset();
        }
      }}
    >
      <Modal.Trigger>
        <IconButton
          label={formatMessage(msg('chat.sessions.rename'), { title: session.title })}
          variant="ghost"
          size="S"
        >
          <Pencil />
        </IconButton>
      </Modal.Trigger>
      <Modal.Content>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!valid) return;
            rename.mutate(
              { documentId: session.documentId, title: trimmed },
              { onSuccess: () => setOpen(false) },
            );
          }}
        >
          <Modal.Header>
            <Modal.Title>{formatMessage(msg('chat.sessions.rename.title'))}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Field.Root
              name="chat-session-title"
              required
              error={
                trimmed.length > SESSION_TITLE_MAX
                  ? formatMessage(msg('chat.sessions.rename.tooLong'), { max: SESSION_TITLE_MAX })
                  : undefined
              }
            >
              <Field.Label>{formatMessage(msg('chat.sessions.rename.label'))}</Field.Label>
              <TextInput
                value={title}
                autoFocus
                onFocus={(event: React.FocusEvent<HTMLInputElement>) => event.target.select()}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  setTitle(event.target.value)
                }
              />
              <Field.Error />
            </Field.Root>
            <ErrorText error={rename.error} />
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{formatMessage(msg('common.cancel'))}</Button>
            </Modal.Close>
            <Button
              type="submit"
              startIcon={<Check />}
              disabled={!valid}
              loading={rename.isPending}
            >
              {formatMessage(msg('chat.sessions.rename.save'))}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
