import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../../contracts/permissions';
import { humanize } from '../utils/humanize';

/**
 * Labels for what the server's option schemas name at run time (an option, a tone, a network).
 * The server's `description` is the English text; a translation registered under
 * `alwrity.writer.field.<path>` or `alwrity.writer.option.<value>` takes over when there is one.
 * Looking the id up first keeps react-intl from reporting every untranslated option as missing.
 */
export const useOptionText = () => {
  const { messages, formatMessage } = useIntl();
  return useMemo(() => {
    const text = (key: string, fallback: string) => {
      const id = `${PLUGIN_ID}.${key}`;
      return id in messages ? formatMessage({ id }) : fallback;
    };
    return {
      label: (path: string, description: string | undefined) =>
        text(`writer.field.${path}`, description ?? humanize(path.split('.').pop() ?? path)),
      value: (value: string | number) => text(`writer.option.${value}`, humanize(String(value))),
    };
  }, [messages, formatMessage]);
};
