import { Button, Flex, Table, Tbody, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { IndexView } from '../../../../contracts/chat';
import { ACTIONS } from '../../../../contracts/permissions';
import { ErrorText } from '../../../components/ErrorText';
import { QueryState } from '../../../components/QueryState';
import { usePermissions } from '../../../hooks/usePermissions';
import { msg, type TranslationKey } from '../../../utils/translations';
import { fieldErrorsOf, statusOf } from './api-errors';
import { changedTypes, settingOf, type IndexDraft } from './index-draft';
import { IndexSummary } from './IndexSummary';
import { IndexTypeRow } from './IndexTypeRow';
import { ReindexButton } from './ReindexButton';
import { ReindexStatus } from './ReindexStatus';
import { SettingsSection } from './SettingsSection';
import { useChatIndex, useSaveIndex } from './useChatSettings';
import { isRunning, useRebuildJob } from './useRebuildJob';

const COLUMNS: TranslationKey[] = [
  'chat.settings.index.type',
  'chat.settings.index.indexed',
  'chat.settings.index.fields',
  'chat.settings.index.chunks',
  'chat.settings.index.entries',
];

const IndexForm = ({ view, canUpdate }: { view: IndexView; canUpdate: boolean }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  // Only the edits are kept: the view is read again while a job runs, and must not wipe them.
  const [draft, setDraft] = useState<IndexDraft>({});
  const save = useSaveIndex();
  const job = useRebuildJob(view.rebuild);
  const running = isRunning(job?.status);
  const body = changedTypes(draft, view.types);
  const changed = Object.keys(body.types).length > 0;
  const errors = fieldErrorsOf(save.error);
  const anyIndexed = view.types.some((type) => type.enabled);

  const submit = () =>
    save.mutate(body, {
      onSuccess: (saved) => {
        setDraft({});
        const started =
          isRunning(saved.rebuild?.status) &&
          saved.rebuild?.documentId !== view.rebuild?.documentId;
        toggleNotification({
          type: 'success',
          message: formatMessage(
            msg(started ? 'chat.settings.index.savedReindex' : 'chat.settings.index.saved'),
          ),
        });
      },
    });

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <IndexSummary view={view} />
      <Table colCount={COLUMNS.length} rowCount={view.types.length + 1}>
        <Thead>
          <Tr>
            {COLUMNS.map((column) => (
              <Th key={column}>
                <Typography variant="sigma">{formatMessage(msg(column))}</Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {view.types.map((type) => (
            <IndexTypeRow
              key={type.uid}
              type={type}
              setting={draft[type.uid] ?? settingOf(type)}
              disabled={!canUpdate}
              error={errors[`types.${type.uid}.fields`] ?? errors[`types.${type.uid}`]}
              onChange={(setting) => {
                setDraft((current) => ({ ...current, [type.uid]: setting }));
                // The complaint was about the values just changed.
                if (save.error) save.reset();
              }}
            />
          ))}
        </Tbody>
      </Table>
      {job ? <ReindexStatus job={job} /> : null}
      {save.error ? <ErrorText error={save.error} /> : null}
      {canUpdate ? (
        <Flex direction="column" alignItems="flex-end" gap={2}>
          <Flex gap={2} wrap="wrap" justifyContent="flex-end">
            <ReindexButton disabled={running || !anyIndexed} />
            <Button
              startIcon={<Check />}
              disabled={!changed || running}
              loading={save.isPending}
              onClick={submit}
            >
              {formatMessage(msg('chat.settings.save'))}
            </Button>
          </Flex>
          {/* A running job read the settings when it started: a change now would be missed. */}
          {running && changed ? (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(msg('chat.settings.index.waitForJob'))}
            </Typography>
          ) : null}
        </Flex>
      ) : null}
    </Flex>
  );
};

/** Which collection types the chatbot reads, how much of them it holds, and "Re-index all". */
export const ContentIndexSection = () => {
  const { formatMessage } = useIntl();
  const { can } = usePermissions();
  // The view is under chat.use, not settings.read: without it the request could only fail.
  const canRead = can(ACTIONS.chatUse);
  const index = useChatIndex(canRead);
  const forbidden = !canRead || statusOf(index.error) === 403;

  return (
    <SettingsSection
      title={formatMessage(msg('chat.settings.index.title'))}
      description={formatMessage(msg('chat.settings.index.description'))}
    >
      {forbidden ? (
        <Typography textColor="danger600" role="alert">
          {formatMessage(msg('chat.settings.index.forbidden'))}
        </Typography>
      ) : (
        <QueryState
          query={index}
          isEmpty={!index.data?.types.length}
          empty={formatMessage(msg('chat.settings.index.empty'))}
        >
          {index.data ? (
            <IndexForm view={index.data} canUpdate={can(ACTIONS.settingsUpdate)} />
          ) : null}
        </QueryState>
      )}
    </SettingsSection>
  );
};
