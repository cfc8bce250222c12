import {
  Alert,
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Grid,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import {
  SETTINGS_LIMITS,
  type ProviderSettingsView,
  type SourcedValue,
  type TestConnectionResult,
} from '../../../contracts/settings';
import type { Feature, ProviderName } from '../../../contracts/config';
import { msg } from '../../utils/translations';

export interface ProviderDraft {
  apiKey: string;
  clearApiKey: boolean;
  baseURL: string;
  organization: string;
  models: Partial<Record<Feature, string>>;
}

interface Props {
  name: ProviderName;
  title: string;
  view: ProviderSettingsView;
  features: readonly Feature[];
  draft: ProviderDraft;
  onChange(draft: ProviderDraft): void;
  canUpdate: boolean;
  onTest(): void;
  testing: boolean;
  testResult?: TestConnectionResult;
}

export const ProviderCard = ({
  name,
  title,
  view,
  features,
  draft,
  onChange,
  canUpdate,
  onTest,
  testing,
  testResult,
}: Props) => {
  const { formatMessage } = useIntl();
  const set = (patch: Partial<ProviderDraft>) => onChange({ ...draft, ...patch });
  const field = (id: string) => `${name}-${id}`;
  const lockedHint = (value: SourcedValue<unknown> | undefined, otherwise?: string) =>
    value?.locked ? formatMessage(msg('settings.locked'), { source: value.source }) : otherwise;
  // Where a key from the server configuration goes is part of that configuration.
  const pairedHint = (value: SourcedValue<unknown> | undefined, otherwise?: string) =>
    view.apiKey.locked && value?.locked
      ? formatMessage(msg('settings.lockedWithKey'), { source: view.apiKey.source })
      : lockedHint(value, otherwise);
  const savedBaseURL = view.baseURL.source === 'saved' ? (view.baseURL.value ?? '') : '';
  // A saved key is bound to its base URL: moving the URL without a new key drops the key.
  const keyWillBeCleared =
    view.apiKey.source === 'saved' &&
    !draft.clearApiKey &&
    !draft.apiKey.trim() &&
    draft.baseURL.trim() !== savedBaseURL;

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between">
          <Flex gap={2}>
            <Typography variant="delta" tag="h2">
              {title}
            </Typography>
            <Badge active={view.configured}>
              {formatMessage(
                msg(view.configured ? 'settings.status.configured' : 'settings.status.missing'),
              )}
            </Badge>
          </Flex>
          <Button
            variant="secondary"
            onClick={onTest}
            loading={testing}
            disabled={!view.configured || !canUpdate}
          >
            {formatMessage(msg('settings.testConnection'))}
          </Button>
        </Flex>
        {testResult ? (
          <Alert variant={testResult.ok ? 'success' : 'danger'} closeLabel="Close" title={title}>
            {testResult.ok
              ? formatMessage(msg('settings.testConnection.ok'), {
                  ms: testResult.latencyMs,
                  model: testResult.model,
                })
              : formatMessage(msg('settings.testConnection.failed'), { error: testResult.error })}
          </Alert>
        ) : null}
        <Grid.Root gap={4}>
          <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
            <Field.Root
              name={field('apiKey')}
              id={field('apiKey')}
              hint={lockedHint(
                view.apiKey,
                view.apiKey.value
                  ? formatMessage(msg('settings.apiKey.hint.saved'), { last4: view.apiKey.value })
                  : formatMessage(msg('settings.apiKey.hint.none')),
              )}
            >
              <Field.Label>{formatMessage(msg('settings.apiKey'))}</Field.Label>
              <TextInput
                type="password"
                autoComplete="off"
                value={view.apiKey.locked ? '' : draft.apiKey}
                placeholder={view.apiKey.value ?? ''}
                maxLength={SETTINGS_LIMITS.apiKey}
                disabled={view.apiKey.locked || !canUpdate}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  set({ apiKey: e.target.value, clearApiKey: false })
                }
              />
              <Field.Hint />
            </Field.Root>
            {view.apiKey.source === 'saved' && canUpdate ? (
              <Box paddingTop={2}>
                <Button
                  variant="danger-light"
                  size="S"
                  onClick={() => set({ apiKey: '', clearApiKey: !draft.clearApiKey })}
                >
                  {formatMessage(msg('settings.apiKey.clear'))}
                  {draft.clearApiKey ? ' ✓' : ''}
                </Button>
              </Box>
            ) : null}
          </Grid.Item>
          <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
            <Field.Root
              name={field('baseURL')}
              id={field('baseURL')}
              hint={pairedHint(view.baseURL, formatMessage(msg('settings.baseURL.hint')))}
            >
              <Field.Label>{formatMessage(msg('settings.baseURL'))}</Field.Label>
              <TextInput
                value={view.baseURL.locked ? (view.baseURL.value ?? '') : draft.baseURL}
                disabled={view.baseURL.locked || !canUpdate}
                placeholder="https://"
                maxLength={SETTINGS_LIMITS.baseURL}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  set({ baseURL: e.target.value })
                }
              />
              <Field.Hint />
            </Field.Root>
          </Grid.Item>
          {view.organization ? (
            <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
              <Field.Root
                name={field('organization')}
                id={field('organization')}
                hint={pairedHint(view.organization)}
              >
                <Field.Label>{formatMessage(msg('settings.organization'))}</Field.Label>
                <TextInput
                  value={
                    view.organization.locked ? (view.organization.value ?? '') : draft.organization
                  }
                  disabled={view.organization.locked || !canUpdate}
                  maxLength={SETTINGS_LIMITS.text}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                    set({ organization: e.target.value })
                  }
                />
                <Field.Hint />
              </Field.Root>
            </Grid.Item>
          ) : null}
        </Grid.Root>
        {keyWillBeCleared ? (
          <Alert
            variant="warning"
            closeLabel="Close"
            title={formatMessage(msg('settings.keyWillBeCleared.title'))}
          >
            {formatMessage(msg('settings.keyWillBeCleared'), { last4: view.apiKey.value })}
          </Alert>
        ) : null}
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {formatMessage(msg('settings.models'))}
        </Typography>
        <Grid.Root gap={4}>
          {features.map((feature) => {
            const sourced = view.models[feature];
            return (
              <Grid.Item
                key={feature}
                col={3}
                s={6}
                xs={12}
                direction="column"
                alignItems="stretch"
              >
                <Field.Root
                  name={field(`model-${feature}`)}
                  id={field(`model-${feature}`)}
                  hint={lockedHint(sourced)}
                >
                  <Field.Label>{formatMessage(msg(`feature.${feature}`))}</Field.Label>
                  <TextInput
                    value={sourced?.locked ? sourced.value : (draft.models[feature] ?? '')}
                    disabled={sourced?.locked || !canUpdate}
                    maxLength={SETTINGS_LIMITS.text}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                      set({ models: { ...draft.models, [feature]: e.target.value } })
                    }
                  />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
            );
          })}
        </Grid.Root>
      </Flex>
    </Box>
  );
};
