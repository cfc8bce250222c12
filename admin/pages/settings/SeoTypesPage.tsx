import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  Grid,
  MultiSelect,
  MultiSelectOption,
  SingleSelect,
  SingleSelectOption,
  Toggle,
  Typography,
} from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { QueryClientProvider, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { SeoFieldMapping } from '../../../analysis/seo/entry';
import { ACTIONS, adminPermission } from '../../../contracts/permissions';
import type { SeoTypeView } from '../../../contracts/seo';
import type { TypeSettingBody } from '../../../contracts/seo-tools';
import { errorMessage, useApi } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { SEO_TYPES_KEY, useSeoTypes } from '../../hooks/useSeoTypes';
import { queryClient } from '../../utils/queryClient';
import { msg, type TranslationKey } from '../../utils/translations';

/** Shared with the overview, the edit view's panel and the SEO tools. */

const SINGLE_FIELDS = [
  { key: 'title', label: 'seo.settings.field.title' },
  { key: 'metaTitle', label: 'seo.settings.field.metaTitle' },
  { key: 'metaDescription', label: 'seo.settings.field.metaDescription' },
  { key: 'slug', label: 'seo.settings.field.slug' },
] as const satisfies readonly { key: keyof SeoFieldMapping; label: TranslationKey }[];

const settingOf = ({ enabled, mapping }: SeoTypeView): TypeSettingBody => ({ enabled, mapping });

// Order counts: the body fields are read one after the other.
const sameList = (a: string[], b: string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

const sameSetting = (a: TypeSettingBody, b: TypeSettingBody) =>
  a.enabled === b.enabled &&
  SINGLE_FIELDS.every(({ key }) => a.mapping[key] === b.mapping[key]) &&
  sameList(a.mapping.body, b.mapping.body) &&
  sameList(a.mapping.images, b.mapping.images);

/** A saved mapping may name a field the type has since lost: it stays listed so it can be unset. */
const withSelected = (candidates: string[], selected: (string | null)[]) => [
  ...new Set([...candidates, ...selected.filter((value): value is string => value !== null)]),
];

interface FieldSelectProps {
  label: string;
  value: string | null;
  options: string[];
  disabled: boolean;
  onChange(value: string | null): void;
}

const FieldSelect = ({ label, value, options, disabled, onChange }: FieldSelectProps) => {
  const { formatMessage } = useIntl();
  const none = formatMessage(msg('seo.settings.none'));
  return (
    <Field.Root>
      <Field.Label>{label}</Field.Label>
      <SingleSelect
        value={value ?? ''}
        disabled={disabled}
        placeholder={none}
        onChange={(next: string | number) => onChange(next === '' ? null : String(next))}
      >
        <SingleSelectOption value="">{none}</SingleSelectOption>
        {withSelected(options, [value]).map((option) => (
          <SingleSelectOption key={option} value={option}>
            {option}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
};

interface FieldsSelectProps {
  label: string;
  hint?: string;
  value: string[];
  options: string[];
  disabled: boolean;
  onChange(value: string[]): void;
}

/** The select appends each pick to its value, so the order kept is the order chosen. */
const FieldsSelect = ({ label, hint, value, options, disabled, onChange }: FieldsSelectProps) => (
  <Field.Root hint={hint}>
    <Field.Label>{label}</Field.Label>
    <MultiSelect value={value} disabled={disabled} withTags onChange={onChange}>
      {withSelected(options, value).map((option) => (
        <MultiSelectOption key={option} value={option}>
          {option}
        </MultiSelectOption>
      ))}
    </MultiSelect>
    <Field.Hint />
  </Field.Root>
);

const SeoTypeCard = ({ type, canUpdate }: { type: SeoTypeView; canUpdate: boolean }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useApi();
  const client = useQueryClient();
  // Only the edits are kept: a refetch (another card saved) must not wipe this card's changes.
  const [draft, setDraft] = useState<TypeSettingBody>();
  const saved = settingOf(type);
  const setting = draft ?? saved;
  const changed = draft !== undefined && !sameSetting(draft, saved);
  const disabled = !canUpdate;

  const save = useMutation({
    mutationFn: (body: TypeSettingBody) => api.put<SeoTypeView>(`/seo/types/${type.uid}`, body),
    onSuccess: ({ data }) => {
      // The answer is the saved state: shown at once, before the refetch comes back.
      client.setQueryData<SeoTypeView[]>(SEO_TYPES_KEY, (types) =>
        types?.map((current) => (current.uid === data.uid ? data : current)),
      );
      setDraft(undefined);
      toggleNotification({
        type: 'success',
        message: formatMessage(msg('seo.settings.saved'), { type: data.displayName }),
      });
      return client.invalidateQueries({ queryKey: SEO_TYPES_KEY });
    },
    onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
  });

  const setMapping = (mapping: Partial<SeoFieldMapping>) =>
    setDraft({ ...setting, mapping: { ...setting.mapping, ...mapping } });

  return (
    <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={5}>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={4} wrap="wrap">
          <Flex gap={2} alignItems="center">
            <Typography variant="delta" tag="h2">
              {type.displayName}
            </Typography>
            {type.remembered ? null : <Badge>{formatMessage(msg('seo.settings.detected'))}</Badge>}
          </Flex>
          <Box minWidth="200px">
            <Field.Root>
              <Field.Label>{formatMessage(msg('seo.settings.enabled'))}</Field.Label>
              <Toggle
                checked={setting.enabled}
                disabled={disabled}
                onLabel={formatMessage(msg('seo.settings.on'))}
                offLabel={formatMessage(msg('seo.settings.off'))}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  setDraft({ ...setting, enabled: event.target.checked })
                }
              />
            </Field.Root>
          </Box>
        </Flex>
        <Grid.Root gap={4}>
          {SINGLE_FIELDS.map(({ key, label }) => (
            <Grid.Item key={key} col={6} xs={12} direction="column" alignItems="stretch">
              <FieldSelect
                label={formatMessage(msg(label))}
                value={setting.mapping[key]}
                options={type.candidates.text}
                disabled={disabled}
                onChange={(value) => setMapping({ [key]: value })}
              />
            </Grid.Item>
          ))}
          <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
            <FieldsSelect
              label={formatMessage(msg('seo.settings.field.body'))}
              hint={formatMessage(msg('seo.settings.field.body.hint'))}
              value={setting.mapping.body}
              options={type.candidates.body}
              disabled={disabled}
              onChange={(body) => setMapping({ body })}
            />
          </Grid.Item>
          <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
            <FieldsSelect
              label={formatMessage(msg('seo.settings.field.images'))}
              value={setting.mapping.images}
              options={type.candidates.media}
              disabled={disabled}
              onChange={(images) => setMapping({ images })}
            />
          </Grid.Item>
        </Grid.Root>
        {canUpdate ? (
          <Flex justifyContent="flex-end">
            <Button
              startIcon={<Check />}
              disabled={!changed}
              loading={save.isPending}
              onClick={() => save.mutate(setting)}
            >
              {formatMessage(msg('seo.settings.save'))}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Box>
  );
};

const SeoTypesList = () => {
  const { formatMessage } = useIntl();
  const { can } = usePermissions();
  // The page needs settings.read, the types route seo.use: without it the request only fails.
  const canRead = can(ACTIONS.seoUse);
  const types = useSeoTypes({ enabled: canRead });

  if (!canRead) return <Page.NoPermissions />;
  if (types.isLoading) return <Page.Loading />;
  if (types.isError || !types.data) return <Page.Error />;

  return (
    <>
      <Layouts.Header
        title={formatMessage(msg('seo.settings.title'))}
        subtitle={formatMessage(msg('seo.settings.subtitle'))}
      />
      <Layouts.Content>
        {types.data.length ? (
          <Flex direction="column" alignItems="stretch" gap={6}>
            {types.data.map((type) => (
              <SeoTypeCard key={type.uid} type={type} canUpdate={can(ACTIONS.settingsUpdate)} />
            ))}
          </Flex>
        ) : (
          <EmptyStateLayout content={formatMessage(msg('seo.settings.empty'))} />
        )}
      </Layouts.Content>
    </>
  );
};

/** Per collection type: whether the SEO analysis runs, and which fields it reads. */
const SeoTypesPage = () => {
  const { formatMessage } = useIntl();
  return (
    <QueryClientProvider client={queryClient}>
      <Page.Protect permissions={adminPermission(ACTIONS.settingsRead)}>
        <Page.Main>
          <Page.Title>{formatMessage(msg('seo.settings.title'))}</Page.Title>
          <SeoTypesList />
        </Page.Main>
      </Page.Protect>
    </QueryClientProvider>
  );
};

export default SeoTypesPage;
