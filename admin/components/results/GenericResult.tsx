import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../../../contracts/permissions';
import { humanize } from '../../utils/humanize';
import { isJsonObject, type JsonObject, type JsonValue } from '../../utils/json-schema';
import { MarkdownText } from './MarkdownText';
import { ResultField } from './ResultField';
import { TextList } from './TextList';

/**
 * The output of a writer that has no view of its own, read field by field in the output's
 * order: text as markdown, lists of text as numbered lists, lists of objects as numbered cards
 * of their own fields. A field is labelled `alwrity.result.<name>` where that is translated,
 * else by its name made readable (`callToAction` → "Call to action").
 */

const readable = (name: string) =>
  humanize(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());

const isStrings = (values: JsonValue[]): values is string[] =>
  values.every((value) => typeof value === 'string');

const useFieldLabel = () => {
  const { messages, formatMessage } = useIntl();
  return (name: string) => {
    const id = `${PLUGIN_ID}.result.${name}`;
    return id in messages ? formatMessage({ id }) : readable(name);
  };
};

const Value = ({ value }: { value: JsonValue }) => {
  if (typeof value === 'string') return <MarkdownText>{value}</MarkdownText>;
  if (typeof value === 'number' || typeof value === 'boolean') {
    return <Typography>{String(value)}</Typography>;
  }
  if (Array.isArray(value)) {
    if (isStrings(value)) return <TextList items={value} />;
    return (
      <Flex tag="ol" direction="column" alignItems="stretch" gap={3}>
        {value.map((item, i) => (
          <Box tag="li" key={i} borderColor="neutral200" hasRadius padding={4}>
            <Value value={item} />
          </Box>
        ))}
      </Flex>
    );
  }
  return isJsonObject(value) ? <Fields output={value} /> : null;
};

const Fields = ({ output }: { output: JsonObject }) => {
  const label = useFieldLabel();
  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      {Object.entries(output)
        .filter(([, value]) => value !== null && !(Array.isArray(value) && !value.length))
        .map(([name, value]) => (
          <ResultField key={name} label={label(name)}>
            <Value value={value} />
          </ResultField>
        ))}
    </Flex>
  );
};

export const GenericResult = ({ output }: { output: unknown }) =>
  isJsonObject(output) ? <Fields output={output} /> : null;
