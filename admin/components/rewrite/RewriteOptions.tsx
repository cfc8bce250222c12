import { Field, Flex, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState, type ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import { REWRITE_OPERATIONS, type RewriteOperation } from '../../../contracts/writers';
import { TONES } from '../../../writers/options';
import { useOptionText } from '../../hooks/useOptionText';
import { msg } from '../../utils/translations';

export interface RewriteChoice {
  operation: RewriteOperation;
  tone: string;
  locale: string;
}

interface Locale {
  code: string;
  name: string;
}

/**
 * The project's locales for "translate", from the i18n plugin. Without it (or without the
 * answer) a locale code is typed instead.
 */
const useLocales = () => {
  const { get } = useFetchClient();
  const [locales, setLocales] = useState<Locale[]>();
  useEffect(() => {
    const controller = new AbortController();
    get<Locale[]>('/i18n/locales', { signal: controller.signal }).then(
      ({ data }) => setLocales(Array.isArray(data) ? data : undefined),
      () => setLocales(undefined),
    );
    return () => controller.abort();
  }, [get]);
  return locales;
};

interface RewriteOptionsProps {
  value: RewriteChoice;
  onChange: (value: RewriteChoice) => void;
  disabled: boolean;
}

export const RewriteOptions = ({ value, onChange, disabled }: RewriteOptionsProps) => {
  const { formatMessage } = useIntl();
  const text = useOptionText();
  const locales = useLocales();
  return (
    <Flex gap={4} alignItems="flex-start" wrap="wrap">
      <Field.Root id="rewrite-operation" name="operation" required>
        <Field.Label>{formatMessage(msg('rewrite.operation'))}</Field.Label>
        <SingleSelect
          value={value.operation}
          disabled={disabled}
          onChange={(operation: string | number) => {
            const chosen = REWRITE_OPERATIONS.find((candidate) => candidate === operation);
            if (chosen) onChange({ ...value, operation: chosen });
          }}
        >
          {REWRITE_OPERATIONS.map((operation) => (
            <SingleSelectOption key={operation} value={operation}>
              {formatMessage(msg(`rewrite.operation.${operation}`))}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      {value.operation === 'tone' ? (
        <Field.Root id="rewrite-tone" name="tone" required>
          <Field.Label>{formatMessage(msg('rewrite.tone'))}</Field.Label>
          <SingleSelect
            value={value.tone}
            disabled={disabled}
            onChange={(tone: string | number) => onChange({ ...value, tone: String(tone) })}
          >
            {TONES.map((tone) => (
              <SingleSelectOption key={tone} value={tone}>
                {text.value(tone)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      ) : null}
      {value.operation === 'translate' ? (
        <Field.Root id="rewrite-locale" name="locale" required>
          <Field.Label>{formatMessage(msg('rewrite.locale'))}</Field.Label>
          {locales?.length ? (
            <SingleSelect
              value={value.locale}
              disabled={disabled}
              onChange={(locale: string | number) => onChange({ ...value, locale: String(locale) })}
            >
              {locales.map((locale) => (
                <SingleSelectOption key={locale.code} value={locale.code}>
                  {locale.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          ) : (
            <TextInput
              value={value.locale}
              disabled={disabled}
              placeholder="fr"
              onChange={(event: ChangeEvent<HTMLInputElement>) =>
                onChange({ ...value, locale: event.target.value.trim() })
              }
            />
          )}
        </Field.Root>
      ) : null}
    </Flex>
  );
};
