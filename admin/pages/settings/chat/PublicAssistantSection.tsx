import { Box, Button, Field, Flex, Link, Toggle, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import type { ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import type { PublicSettings } from '../../../../contracts/chat';
import { ACTIONS } from '../../../../contracts/permissions';
import { ErrorText } from '../../../components/ErrorText';
import { QueryState } from '../../../components/QueryState';
import { usePermissions } from '../../../hooks/usePermissions';
import { msg } from '../../../utils/translations';
import { PublicLimits } from './PublicLimits';
import { PublicTypeList } from './PublicTypeList';
import { SettingsSection } from './SettingsSection';
import { usePublicSettings } from './useChatSettings';
import { usePublicForm } from './usePublicForm';

const ROLES_PATH = '/settings/users-permissions/roles';
const ENDPOINT = 'POST /api/alwrity/ask';

const PublicForm = ({ saved, canUpdate }: { saved: PublicSettings; canUpdate: boolean }) => {
  const { formatMessage } = useIntl();
  const form = usePublicForm(saved);
  const { shown, errorOf, edit } = form;
  const disabled = !canUpdate;
  const chosen = Object.values(shown.types).some((type) => type.on);

  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <Box maxWidth="320px">
        <Field.Root
          name="enabled"
          hint={formatMessage(msg('chat.settings.public.enabled.hint'))}
          error={errorOf('enabled')}
        >
          <Field.Label>{formatMessage(msg('chat.settings.public.enabled'))}</Field.Label>
          <Toggle
            checked={shown.enabled}
            disabled={disabled}
            onLabel={formatMessage(msg('chat.settings.on'))}
            offLabel={formatMessage(msg('chat.settings.off'))}
            onChange={(event: ChangeEvent<HTMLInputElement>) =>
              edit({ enabled: event.target.checked })
            }
          />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      </Box>
      {shown.enabled && !chosen ? (
        <Typography variant="pi" textColor="warning600">
          {formatMessage(msg('chat.settings.public.noneChosen'))}
        </Typography>
      ) : null}
      <PublicTypeList
        saved={saved}
        value={shown.types}
        disabled={disabled}
        errorOf={errorOf}
        onChange={(types) => edit({ types })}
      />
      <PublicLimits
        values={shown}
        disabled={disabled}
        errorOf={errorOf}
        onChange={(field, value) => edit({ [field]: value })}
      />
      {form.error ? <ErrorText error={form.error} /> : null}
      {canUpdate ? (
        <Flex justifyContent="flex-end">
          <Button
            startIcon={<Check />}
            disabled={!form.changed}
            loading={form.saving}
            onClick={form.submit}
          >
            {formatMessage(msg('chat.settings.save'))}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
};

/** The visitors' assistant: whether it answers, from which types, linked how, and its limits. */
export const PublicAssistantSection = () => {
  const { formatMessage } = useIntl();
  const { can } = usePermissions();
  const settings = usePublicSettings();
  const code = (text: string) => (
    <Typography tag="code" fontWeight="semiBold">
      {text}
    </Typography>
  );

  return (
    <SettingsSection
      title={formatMessage(msg('chat.settings.public.title'))}
      description={
        <>
          {formatMessage(msg('chat.settings.public.intro'), { endpoint: code(ENDPOINT) })}{' '}
          {formatMessage(msg('chat.settings.public.permission'))}{' '}
          <Link tag={RouterLink} to={ROLES_PATH}>
            {formatMessage(msg('chat.settings.public.permission.link'))}
          </Link>
        </>
      }
    >
      <QueryState query={settings} isEmpty={false} empty="">
        {settings.data ? (
          <PublicForm saved={settings.data} canUpdate={can(ACTIONS.settingsUpdate)} />
        ) : null}
      </QueryState>
    </SettingsSection>
  );
};
