import { Flex, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { QueryClientProvider } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { ACTIONS, adminPermission } from '../../../../contracts/permissions';
import { usePermissions } from '../../../hooks/usePermissions';
import { queryClient } from '../../../utils/queryClient';
import { msg } from '../../../utils/translations';
import { ContentIndexSection } from './ContentIndexSection';
import { PublicAssistantSection } from './PublicAssistantSection';

const ChatSettings = () => {
  const { formatMessage } = useIntl();
  const { can } = usePermissions();
  return (
    <>
      <Layouts.Header
        title={formatMessage(msg('chat.settings.title'))}
        subtitle={formatMessage(msg('chat.settings.subtitle'))}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {/* Said once, so disabled inputs do not look broken. */}
          {can(ACTIONS.settingsUpdate) ? null : (
            <Typography textColor="neutral600">
              {formatMessage(msg('chat.settings.readOnly'))}
            </Typography>
          )}
          <ContentIndexSection />
          <PublicAssistantSection />
        </Flex>
      </Layouts.Content>
    </>
  );
};

/** The content chatbot's settings: what it indexes, and the site's public assistant. */
const ChatSettingsPage = () => {
  const { formatMessage } = useIntl();
  return (
    <QueryClientProvider client={queryClient}>
      <Page.Protect permissions={adminPermission(ACTIONS.settingsRead)}>
        <Page.Main>
          <Page.Title>{formatMessage(msg('chat.settings.title'))}</Page.Title>
          <ChatSettings />
        </Page.Main>
      </Page.Protect>
    </QueryClientProvider>
  );
};

export default ChatSettingsPage;
