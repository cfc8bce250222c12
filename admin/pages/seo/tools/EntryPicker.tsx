import {
  Box,
  Combobox,
  ComboboxOption,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useIntl } from 'react-intl';
import { LocaleSelect, useLocales } from '../../../components/schema-form/LocaleSelect';
import { useSeoTypes } from '../../../hooks/useSeoTypes';
import { msg } from '../../../utils/translations';
import type { EntryChoice } from './subject';

interface Props {
  value: EntryChoice | null;
  onChange(entry: EntryChoice | null): void;
}

interface ListedEntry {
  documentId: string;
  locale?: string | null;
  [field: string]: unknown;
}

/**
 * A type, a locale and an entry searched by title, through the content manager's own list (so
 * only entries the user may read are offered).
 */
export const EntryPicker = ({ value, onChange }: Props) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const types = useSeoTypes();
  const enabled = (types.data ?? []).filter((type) => type.enabled);
  const [uid, setUid] = useState('');
  const [chosenLocale, setLocale] = useState('');
  // The default locale until one is chosen, as the content manager opens a type.
  const locales = useLocales();
  const locale =
    chosenLocale ||
    value?.locale ||
    locales.data?.find((candidate) => candidate.isDefault)?.code ||
    '';
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search);
  const type = enabled.find((candidate) => candidate.uid === (uid || value?.uid)) ?? enabled[0];
  const titleField = type?.mapping.title ?? null;

  const entries = useQuery({
    queryKey: ['seo', 'tools', 'entries', type?.uid, locale, query],
    enabled: Boolean(type),
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (
        await get<{ results: ListedEntry[] }>(`/content-manager/collection-types/${type!.uid}`, {
          params: {
            page: 1,
            pageSize: 20,
            sort: 'updatedAt:DESC',
            ...(query.trim() ? { _q: query.trim() } : {}),
            ...(type!.localized && locale ? { locale } : {}),
          },
        })
      ).data.results,
  });
  // The mapped title may sit in a component (`seo.title`): read along its path.
  const titleOf = (entry: ListedEntry) => {
    const title = titleField
      ?.split('.')
      .reduce<unknown>(
        (value, key) => (value as Record<string, unknown> | undefined)?.[key],
        entry,
      );
    return typeof title === 'string' && title.trim() ? title : entry.documentId;
  };

  return (
    <Flex gap={4} wrap="wrap" alignItems="flex-start">
      <Box minWidth="220px">
        <Field.Root name="tool-type">
          <Field.Label>{formatMessage(msg('seo.tools.entry.type'))}</Field.Label>
          <SingleSelect
            value={type?.uid ?? ''}
            disabled={!enabled.length}
            placeholder={formatMessage(msg('seo.tools.entry.noTypes'))}
            onChange={(next: string | number) => {
              setUid(String(next));
              onChange(null);
            }}
          >
            {enabled.map((candidate) => (
              <SingleSelectOption key={candidate.uid} value={candidate.uid}>
                {candidate.displayName}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </Box>
      {type?.localized ? (
        <Box minWidth="160px">
          <Field.Root name="tool-locale">
            <Field.Label>{formatMessage(msg('seo.tools.entry.locale'))}</Field.Label>
            <LocaleSelect
              value={locale}
              onChange={(code) => {
                setLocale(code);
                onChange(null);
              }}
            />
          </Field.Root>
        </Box>
      ) : null}
      <Box minWidth="320px" flex="1">
        <Field.Root name="tool-entry" hint={formatMessage(msg('seo.tools.entry.hint'))}>
          <Field.Label>{formatMessage(msg('seo.tools.entry.entry'))}</Field.Label>
          <Combobox
            value={value?.documentId ?? ''}
            textValue={value && !search ? value.title : search}
            onTextValueChange={setSearch}
            loading={entries.isFetching}
            autocomplete="none"
            noOptionsMessage={() => formatMessage(msg('seo.tools.entry.none'))}
            onChange={(documentId?: string) => {
              const entry = entries.data?.find((candidate) => candidate.documentId === documentId);
              setSearch('');
              onChange(
                entry && type
                  ? {
                      uid: type.uid,
                      documentId: entry.documentId,
                      locale: entry.locale ?? (locale || null),
                      title: titleOf(entry),
                    }
                  : null,
              );
            }}
          >
            {(entries.data ?? []).map((entry) => (
              <ComboboxOption key={entry.documentId} value={entry.documentId}>
                {titleOf(entry)}
              </ComboboxOption>
            ))}
          </Combobox>
          <Field.Hint />
        </Field.Root>
      </Box>
    </Flex>
  );
};
