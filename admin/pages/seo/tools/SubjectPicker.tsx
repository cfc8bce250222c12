import { Box, Field, Flex, Radio, Textarea, TextInput } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { LocaleSelect } from '../../../components/schema-form/LocaleSelect';
import { msg } from '../../../utils/translations';
import { EntryPicker } from './EntryPicker';
import type { Subject } from './subject';

interface Props {
  value: Subject;
  onChange(subject: Subject): void;
  /** Tools that need an entry's fields (structured data, images) take no pasted text. */
  entryOnly?: boolean;
}

/** What a tool reads: an entry, picked by type and title, or a text pasted in. */
export const SubjectPicker = ({ value, onChange, entryOnly }: Props) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {entryOnly ? null : (
        <Radio.Group
          aria-label={formatMessage(msg('seo.tools.subject'))}
          value={value.kind}
          onValueChange={(kind: string) =>
            onChange(
              kind === 'text'
                ? { kind: 'text', text: '', title: '', locale: 'en' }
                : { kind: 'entry', entry: null },
            )
          }
        >
          <Flex gap={6}>
            <Radio.Item value="entry">{formatMessage(msg('seo.tools.subject.entry'))}</Radio.Item>
            <Radio.Item value="text">{formatMessage(msg('seo.tools.subject.text'))}</Radio.Item>
          </Flex>
        </Radio.Group>
      )}
      {value.kind === 'entry' ? (
        <EntryPicker value={value.entry} onChange={(entry) => onChange({ kind: 'entry', entry })} />
      ) : (
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Flex gap={4} alignItems="flex-start">
            <Box flex="1">
              <Field.Root name="tool-title">
                <Field.Label>{formatMessage(msg('seo.tools.text.title'))}</Field.Label>
                <TextInput
                  value={value.title}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    onChange({ ...value, title: event.target.value })
                  }
                />
              </Field.Root>
            </Box>
            <Box minWidth="160px">
              <Field.Root name="tool-text-locale">
                <Field.Label>{formatMessage(msg('seo.tools.entry.locale'))}</Field.Label>
                <LocaleSelect
                  value={value.locale}
                  onChange={(locale) => onChange({ ...value, locale })}
                />
              </Field.Root>
            </Box>
          </Flex>
          <Field.Root name="tool-text" hint={formatMessage(msg('seo.tools.text.hint'))} required>
            <Field.Label>{formatMessage(msg('seo.tools.text.body'))}</Field.Label>
            <Textarea
              value={value.text}
              rows={8}
              onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                onChange({ ...value, text: event.target.value })
              }
            />
            <Field.Hint />
          </Field.Root>
        </Flex>
      )}
    </Flex>
  );
};
