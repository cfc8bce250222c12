import { Alert, Badge, Box, Flex, Grid, LinkButton, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { ACTIONS, PLUGIN_ID } from '../../../contracts/permissions';
import type { SettingsView } from '../../../contracts/settings';
import { useApi } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { msg } from '../../utils/translations';
import { PANELS } from './panels';

export const HomePage = () => {
  const { formatMessage } = useIntl();
  const api = useApi();
  const { can } = usePermissions();
  const settings = useQuery({
    queryKey: ['settings'],
    queryFn: () => api.get<SettingsView>('/settings'),
    enabled: can(ACTIONS.settingsRead),
  });
  const noProvider =
    settings.data &&
    !settings.data.data.providers.openai.configured &&
    !settings.data.data.providers.gemini.configured;

  return (
    <Page.Main>
      <Page.Title>{formatMessage(msg('home.title'))}</Page.Title>
      <Layouts.Header
        title={formatMessage(msg('home.title'))}
        subtitle={formatMessage(msg('home.subtitle'))}
      />
      <Layouts.Content>
        {noProvider ? (
          <Box paddingBottom={6}>
            <Alert
              variant="warning"
              closeLabel="Close"
              title={formatMessage(msg('settings.title'))}
              action={
                <LinkButton tag={RouterLink} to={`/settings/${PLUGIN_ID}`} variant="tertiary">
                  {formatMessage(msg('home.noProvider.action'))}
                </LinkButton>
              }
            >
              {formatMessage(msg('home.noProvider'))}
            </Alert>
          </Box>
        ) : null}
        <Grid.Root gap={4}>
          {PANELS.filter((panel) => can(panel.action)).map((panel) => (
            <Grid.Item key={panel.id} col={4} s={6} xs={12} direction="column" alignItems="stretch">
              <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} height="100%">
                <Flex direction="column" alignItems="flex-start" gap={3} height="100%">
                  <Flex gap={2} justifyContent="space-between" width="100%">
                    <Typography variant="delta" tag="h2">
                      {formatMessage(msg(panel.title))}
                    </Typography>
                    {panel.to ? null : <Badge>{formatMessage(msg('home.panel.soon'))}</Badge>}
                  </Flex>
                  <Typography textColor="neutral600">
                    {formatMessage(msg(panel.description))}
                  </Typography>
                  {panel.to ? (
                    <LinkButton tag={RouterLink} to={panel.to} variant="secondary">
                      {formatMessage(msg('home.panel.open'))}
                    </LinkButton>
                  ) : null}
                </Flex>
              </Box>
            </Grid.Item>
          ))}
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
};
