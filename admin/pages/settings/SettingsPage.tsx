import {
  Alert,
  Box,
  Button,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { QueryClientProvider, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { SettingsView, TestConnectionResult } from '../../../contracts/settings';
import { PROVIDER_NAMES, type ProviderName } from '../../../contracts/config';
import { ACTIONS, adminPermission } from '../../../contracts/permissions';
import { errorMessage, useApi } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { queryClient } from '../../utils/queryClient';
import { msg } from '../../utils/translations';
import { bodyFrom, draftFrom, type SettingsDraft } from './draft';
import { BrandVoiceCard } from './BrandVoiceCard';
import { ProviderCard } from './ProviderCard';

const PROVIDER_TITLES: Record<ProviderName, string> = {
  openai: 'OpenAI (and compatible)',
  gemini: 'Google Gemini',
};

const SettingsForm = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useApi();
  const client = useQueryClient();
  const { can } = usePermissions();
  const canUpdate = can(ACTIONS.settingsUpdate);
  const settings = useQuery({
    queryKey: ['settings'],
    queryFn: () => api.get<SettingsView>('/settings'),
  });
  const [draft, setDraft] = useState<SettingsDraft>();
  const [tests, setTests] = useState<Partial<Record<ProviderName, TestConnectionResult>>>({});

  useEffect(() => {
    if (settings.data) setDraft(draftFrom(settings.data.data));
  }, [settings.data]);

  const save = useMutation({
    mutationFn: (body: unknown) => api.put<SettingsView>('/settings', body),
    onSuccess: (data) => {
      client.setQueryData(['settings'], data);
      toggleNotification({ type: 'success', message: formatMessage(msg('settings.saved')) });
    },
    onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
  });

  const test = useMutation({
    mutationFn: (provider: ProviderName) =>
      api.post<TestConnectionResult>('/settings/test-connection', { provider }),
    onSuccess: ({ data }) => setTests((current) => ({ ...current, [data.provider]: data })),
    onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
  });

  if (settings.isLoading || (settings.data && !draft)) return <Page.Loading />;
  if (settings.isError || !settings.data || !draft) {
    return <Page.Error />;
  }
  const view = settings.data.data;

  const providerSelect = (key: 'defaultProvider' | 'fallbackProvider', emptyLabel: string) => {
    const sourced = view[key];
    return (
      <Field.Root
        name={key}
        id={key}
        hint={
          sourced.locked
            ? formatMessage(msg('settings.locked'), { source: sourced.source })
            : key === 'fallbackProvider'
              ? formatMessage(msg('settings.fallbackProvider.hint'))
              : undefined
        }
      >
        <Field.Label>{formatMessage(msg(`settings.${key}`))}</Field.Label>
        <SingleSelect
          value={sourced.locked ? (sourced.value ?? '') : draft[key]}
          disabled={sourced.locked || !canUpdate}
          placeholder={emptyLabel}
          onChange={(value: string | number) =>
            setDraft({ ...draft, [key]: value as ProviderName })
          }
          onClear={sourced.locked ? undefined : () => setDraft({ ...draft, [key]: '' })}
        >
          {PROVIDER_NAMES.map((name) => (
            <SingleSelectOption key={name} value={name}>
              {PROVIDER_TITLES[name]}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Hint />
      </Field.Root>
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(bodyFrom(draft, view));
      }}
    >
      <Layouts.Header
        title={formatMessage(msg('settings.title'))}
        subtitle={formatMessage(msg('settings.subtitle'))}
        primaryAction={
          canUpdate ? (
            <Button type="submit" startIcon={<Check />} loading={save.isPending}>
              {formatMessage(msg('settings.save'))}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Alert
            variant={view.queue.driver === 'bullmq' ? 'default' : 'warning'}
            closeLabel="Close"
            title={formatMessage(msg('settings.queue'))}
          >
            {view.queue.driver === 'bullmq'
              ? formatMessage(msg('settings.queue.bullmq'), { worker: view.queue.worker })
              : formatMessage(msg('settings.queue.inline'))}
          </Alert>
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            <Grid.Root gap={4}>
              <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
                {providerSelect('defaultProvider', formatMessage(msg('settings.auto')))}
              </Grid.Item>
              <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
                {providerSelect('fallbackProvider', formatMessage(msg('settings.none')))}
              </Grid.Item>
            </Grid.Root>
          </Box>
          {PROVIDER_NAMES.map((name) => (
            <ProviderCard
              key={name}
              name={name}
              title={PROVIDER_TITLES[name]}
              view={view.providers[name]}
              features={view.features}
              draft={draft.providers[name]}
              onChange={(provider) =>
                setDraft({ ...draft, providers: { ...draft.providers, [name]: provider } })
              }
              canUpdate={canUpdate}
              onTest={() => test.mutate(name)}
              testing={test.isPending && test.variables === name}
              testResult={tests[name]}
            />
          ))}
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(msg('settings.apiKey.hint.none'))}
          </Typography>
          <BrandVoiceCard
            value={draft.brandVoice}
            onChange={(brandVoice) => setDraft({ ...draft, brandVoice })}
            canUpdate={canUpdate}
          />
        </Flex>
      </Layouts.Content>
    </form>
  );
};

const SettingsPage = () => {
  const { formatMessage } = useIntl();
  return (
    <QueryClientProvider client={queryClient}>
      <Page.Protect permissions={adminPermission(ACTIONS.settingsRead)}>
        <Page.Main>
          <Page.Title>{formatMessage(msg('settings.title'))}</Page.Title>
          <SettingsForm />
        </Page.Main>
      </Page.Protect>
    </QueryClientProvider>
  );
};

export default SettingsPage;
