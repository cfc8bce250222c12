import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  Link,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { styled } from 'styled-components';
import {
  CHANNELS,
  EDITABLE_STATUSES,
  type CalendarItemView,
  type CreateItemBody,
} from '../../../contracts/calendar';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorText } from '../../components/ErrorText';
import { TextField } from '../../components/TextField';
import { historyPath, writerPath } from '../../utils/paths';
import { msg } from '../../utils/translations';
import { EntryPicker } from '../seo/tools/EntryPicker';
import type { EntryChoice } from '../seo/tools/subject';
import { useCreateItem, useDeleteItem, useUpdateItem } from './useCalendarItems';

/** The dialog pinned to the right edge, full height: the calendar stays in view beside it. */
const Sheet = styled(Modal.Content)`
  && {
    top: 0;
    right: 0;
    left: auto;
    bottom: 0;
    transform: none;
    height: 100vh;
    max-height: 100vh;
    width: min(56rem, 100vw);
    max-width: 100vw;
    border-radius: 0;
  }
`;

const NOBODY = 'nobody';

export interface SheetTarget {
  /** An item to edit, or the wall time a new one starts at. */
  item?: CalendarItemView;
  publishAtLocal?: string;
}

interface Draft {
  title: string;
  brief: string;
  status: CalendarItemView['status'];
  channel: CalendarItemView['channel'];
  publishAt: string;
  unpublishAt: string;
  timezone: string;
  focusKeyphrase: string;
  tags: string;
  assigneeId: number | null;
  entry: EntryChoice | null;
}

const draftOf = ({ item, publishAtLocal }: SheetTarget, zone: string): Draft => ({
  title: item?.title ?? '',
  brief: item?.brief ?? '',
  status: item?.status ?? 'planned',
  channel: item?.channel ?? 'blog',
  publishAt: item?.publishAtLocal ?? publishAtLocal ?? '',
  unpublishAt: item?.unpublishAtLocal ?? '',
  timezone: item?.timezone ?? zone,
  focusKeyphrase: item?.focusKeyphrase ?? '',
  tags: (item?.tags ?? []).join(', '),
  assigneeId: item?.assigneeId ?? null,
  entry:
    item?.target?.documentId != null
      ? {
          uid: item.target.uid,
          documentId: item.target.documentId,
          locale: item.target.locale,
          title: item.target.documentId,
        }
      : null,
});

const bodyOf = (
  draft: Draft,
): Omit<CreateItemBody, 'status'> & Partial<Pick<CreateItemBody, 'status'>> => ({
  title: draft.title.trim(),
  brief: draft.brief.trim() || null,
  // A status the scheduler set (published, failed) is the editor's to change, not to send back.
  ...((EDITABLE_STATUSES as readonly string[]).includes(draft.status)
    ? { status: draft.status as CreateItemBody['status'] }
    : {}),
  channel: draft.channel,
  publishAt: draft.publishAt || null,
  unpublishAt: draft.unpublishAt || null,
  timezone: draft.timezone,
  focusKeyphrase: draft.focusKeyphrase.trim() || null,
  assigneeId: draft.assigneeId,
  tags: draft.tags
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean),
  target: draft.entry
    ? {
        uid: draft.entry.uid,
        documentId: draft.entry.documentId,
        ...(draft.entry.locale ? { locale: draft.entry.locale } : {}),
      }
    : null,
});

interface Props {
  target: SheetTarget;
  zone: string;
  canManage: boolean;
  /** The signed-in user, whom an item can be assigned to. */
  me?: number;
  onClose(): void;
}

/**
 * Creates or edits one item. A failed save keeps everything typed and says why; the time is on
 * the item's own clock, its zone beside it.
 */
export const ItemSheet = ({ target, zone, canManage, me, onClose }: Props) => {
  const { formatMessage } = useIntl();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(() => draftOf(target, zone));
  const create = useCreateItem();
  const update = useUpdateItem();
  const remove = useDeleteItem();
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error ?? remove.error;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((previous) => ({ ...previous, [key]: value }));
  const locked = !canManage || ['published', 'unpublished'].includes(target.item?.status ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = bodyOf(draft);
    const done = { onSuccess: onClose };
    if (target.item) update.mutate({ documentId: target.item.documentId, ...body }, done);
    else create.mutate(body, done);
  };

  // The writer opens with the item's brief and keyphrase; its draft links back to the item.
  const writeItNow = () =>
    navigate(writerPath(), {
      state: {
        prefill: {
          writer: 'blog',
          input: {
            topic: [draft.title, draft.brief].filter(Boolean).join(': ').slice(0, 300),
            ...(draft.focusKeyphrase ? { keywords: { primary: draft.focusKeyphrase } } : {}),
          },
        },
        calendarItem: target.item?.documentId,
      },
    });

  const label = (key: Parameters<typeof msg>[0]) => formatMessage(msg(key));
  return (
    <Modal.Root open onOpenChange={(open: boolean) => (open ? undefined : onClose())}>
      <Sheet>
        <form onSubmit={submit} noValidate>
          <Modal.Header>
            <Modal.Title>
              {target.item ? label('calendar.sheet.edit') : label('calendar.sheet.new')}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={5}>
              {target.item?.generationDocumentId ? (
                <Link tag={RouterLink} to={historyPath(target.item.generationDocumentId)}>
                  {label('calendar.sheet.draft')}
                </Link>
              ) : null}
              {target.item?.error ? (
                <Typography textColor="danger600">{target.item.error}</Typography>
              ) : null}
              <TextField
                name="title"
                label={label('calendar.field.title')}
                required
                value={draft.title}
                disabled={locked}
                onChange={(value) => set('title', value)}
              />
              <TextField
                name="brief"
                label={label('calendar.field.brief')}
                multiline
                value={draft.brief}
                disabled={locked}
                onChange={(value) => set('brief', value)}
              />
              <Grid.Root gap={4}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="status">
                    <Field.Label>{label('calendar.field.status')}</Field.Label>
                    <SingleSelect
                      value={draft.status}
                      disabled={locked}
                      onChange={(value: string | number) =>
                        set('status', String(value) as Draft['status'])
                      }
                    >
                      {EDITABLE_STATUSES.map((status) => (
                        <SingleSelectOption key={status} value={status}>
                          {formatMessage(msg(`calendar.status.${status}`))}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="channel">
                    <Field.Label>{label('calendar.field.channel')}</Field.Label>
                    <SingleSelect
                      value={draft.channel}
                      disabled={locked}
                      onChange={(value: string | number) =>
                        set('channel', String(value) as Draft['channel'])
                      }
                    >
                      {CHANNELS.map((channel) => (
                        <SingleSelectOption key={channel} value={channel}>
                          {formatMessage(msg(`calendar.channel.${channel}`))}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="publishAt"
                    label={label('calendar.field.publishAt')}
                    hint={draft.timezone}
                    type="datetime-local"
                    step={1}
                    value={draft.publishAt}
                    disabled={locked}
                    onChange={(value) => set('publishAt', value)}
                  />
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="unpublishAt"
                    label={label('calendar.field.unpublishAt')}
                    hint={draft.timezone}
                    type="datetime-local"
                    step={1}
                    value={draft.unpublishAt}
                    disabled={!canManage}
                    onChange={(value) => set('unpublishAt', value)}
                  />
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="timezone"
                    label={label('calendar.field.timezone')}
                    hint={label('calendar.field.timezone.hint')}
                    value={draft.timezone}
                    disabled={locked}
                    onChange={(value) => set('timezone', value)}
                  />
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="focusKeyphrase"
                    label={label('calendar.field.keyphrase')}
                    value={draft.focusKeyphrase}
                    disabled={locked}
                    onChange={(value) => set('focusKeyphrase', value)}
                  />
                </Grid.Item>
              </Grid.Root>
              <Field.Root name="assignee">
                <Field.Label>{label('calendar.field.assignee')}</Field.Label>
                <SingleSelect
                  value={String(draft.assigneeId ?? NOBODY)}
                  disabled={locked}
                  onChange={(value: string | number) =>
                    set('assigneeId', String(value) === NOBODY ? null : Number(value))
                  }
                >
                  <SingleSelectOption value={NOBODY}>
                    {label('calendar.field.assignee.none')}
                  </SingleSelectOption>
                  {me !== undefined ? (
                    <SingleSelectOption value={String(me)}>
                      {label('calendar.field.assignee.me')}
                    </SingleSelectOption>
                  ) : null}
                  {draft.assigneeId !== null && draft.assigneeId !== me ? (
                    <SingleSelectOption value={String(draft.assigneeId)}>
                      {formatMessage(msg('calendar.field.assignee.other'), {
                        id: draft.assigneeId,
                      })}
                    </SingleSelectOption>
                  ) : null}
                </SingleSelect>
              </Field.Root>
              <TextField
                name="tags"
                label={label('calendar.field.tags')}
                hint={label('calendar.field.tags.hint')}
                value={draft.tags}
                disabled={locked}
                onChange={(value) => set('tags', value)}
              />
              <Box>
                <Typography variant="sigma" tag="h3">
                  {label('calendar.field.target')}
                </Typography>
                <Box paddingTop={2}>
                  {locked ? (
                    <Typography>
                      {draft.entry
                        ? `${draft.entry.uid} · ${draft.entry.documentId}${draft.entry.locale ? ` (${draft.entry.locale})` : ''}`
                        : label('calendar.field.target.none')}
                    </Typography>
                  ) : (
                    <EntryPicker value={draft.entry} onChange={(entry) => set('entry', entry)} />
                  )}
                </Box>
              </Box>
              {error ? <ErrorText error={error} /> : null}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Flex gap={2}>
              <Modal.Close>
                <Button variant="tertiary">{label('calendar.sheet.close')}</Button>
              </Modal.Close>
              {target.item && canManage ? (
                <ConfirmDialog
                  trigger={
                    <Button variant="danger-light" startIcon={<Trash />}>
                      {label('calendar.sheet.delete')}
                    </Button>
                  }
                  title={label('calendar.sheet.delete')}
                  body={formatMessage(msg('calendar.sheet.delete.body'), {
                    title: target.item.title,
                  })}
                  keepLabel={label('calendar.sheet.keep')}
                  confirmLabel={label('calendar.sheet.delete')}
                  onConfirm={() => remove.mutate(target.item!.documentId, { onSuccess: onClose })}
                />
              ) : null}
            </Flex>
            <Flex gap={2}>
              {target.item && !draft.entry ? (
                <Button variant="secondary" startIcon={<Pencil />} onClick={writeItNow}>
                  {label('calendar.sheet.write')}
                </Button>
              ) : null}
              {canManage ? (
                <Button type="submit" loading={saving} disabled={!draft.title.trim()}>
                  {label('calendar.sheet.save')}
                </Button>
              ) : null}
            </Flex>
          </Modal.Footer>
        </form>
      </Sheet>
    </Modal.Root>
  );
};
