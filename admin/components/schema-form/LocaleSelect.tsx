import { SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from '@tanstack/react-query';
import type { ChangeEvent } from 'react';

interface Locale {
  code: string;
  name: string;
  isDefault: boolean;
}

/** The app's own locales, as the i18n plugin lists them for the admin. */
export const useLocales = () => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: ['i18n', 'locales'],
    queryFn: async () => (await get<Locale[]>('/i18n/locales')).data,
    staleTime: 5 * 60_000,
    retry: false,
  });
};

interface Props {
  value: string;
  disabled?: boolean;
  onChange(code: string): void;
}

/**
 * A choice of the app's locales; a code typed by hand where i18n is not there to list them. A
 * value outside the list (a duplicated run's) stays selectable.
 */
export const LocaleSelect = ({ value, disabled, onChange }: Props) => {
  const locales = useLocales();
  const list = locales.data ?? [];
  if (locales.isError || (locales.isSuccess && !list.length)) {
    return (
      <TextInput
        value={value}
        disabled={disabled}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
    );
  }
  const options =
    list.some((locale) => locale.code === value) || !value
      ? list
      : [...list, { code: value, name: value, isDefault: false }];
  return (
    <SingleSelect
      value={value}
      disabled={disabled || locales.isLoading}
      onChange={(next: string | number) => onChange(String(next))}
    >
      {options.map((locale) => (
        <SingleSelectOption key={locale.code} value={locale.code}>
          {locale.name}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  );
};
