import { Button, Field, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import { Calendar } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ErrorText } from '../../components/ErrorText';
import { msg } from '../../utils/translations';
import { useCreateFeedToken, useFeedToken, useRevokeFeedToken } from './useCalendarTools';

/**
 * The user's subscription URL for Google Calendar or Outlook: shown once when created (only its
 * hash is kept), replaced or revoked here.
 */
export const FeedDialog = () => {
  const { formatMessage, formatDate } = useIntl();
  const [open, setOpen] = useState(false);
  const status = useFeedToken(open);
  const create = useCreateFeedToken();
  const revoke = useRevokeFeedToken();
  const url = create.data?.url;
  const label = (key: Parameters<typeof msg>[0]) => formatMessage(msg(key));
  return (
    <Modal.Root
      open={open}
      onOpenChange={(next: boolean) => {
        setOpen(next);
        if (!next) create.reset();
      }}
    >
      <Modal.Trigger>
        <Button variant="secondary" startIcon={<Calendar />}>
          {label('calendar.feed.open')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{label('calendar.feed.title')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography>{label('calendar.feed.explain')}</Typography>
            {url ? (
              <Field.Root name="feed-url" hint={label('calendar.feed.once')}>
                <Field.Label>{label('calendar.feed.url')}</Field.Label>
                <TextInput
                  value={url}
                  readOnly
                  onFocus={(e: { target: HTMLInputElement }) => e.target.select()}
                />
                <Field.Hint />
              </Field.Root>
            ) : (
              <Typography textColor="neutral600">
                {status.data?.active
                  ? formatMessage(msg('calendar.feed.active'), {
                      hint: status.data.hint,
                      created: formatDate(status.data.createdAt!, { dateStyle: 'medium' }),
                      used: status.data.lastUsedAt
                        ? formatDate(status.data.lastUsedAt, {
                            dateStyle: 'medium',
                            timeStyle: 'short',
                          })
                        : label('calendar.feed.never'),
                    })
                  : label('calendar.feed.none')}
              </Typography>
            )}
            {create.error || revoke.error ? (
              <ErrorText error={create.error ?? revoke.error} />
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button
            variant="danger-light"
            disabled={!status.data?.active}
            loading={revoke.isPending}
            onClick={() => revoke.mutate(undefined, { onSuccess: () => create.reset() })}
          >
            {label('calendar.feed.revoke')}
          </Button>
          <Button loading={create.isPending} onClick={() => create.mutate()}>
            {status.data?.active ? label('calendar.feed.replace') : label('calendar.feed.create')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
