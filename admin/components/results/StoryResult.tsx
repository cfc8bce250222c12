import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { StoryOutput } from '../../utils/outputs';
import { msg } from '../../utils/translations';
import { MarkdownText } from './MarkdownText';
import { ResultField } from './ResultField';

export const StoryResult = ({ output }: { output: StoryOutput }) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <Typography variant="beta" tag="h2">
        {output.title}
      </Typography>
      <ResultField label={formatMessage(msg('result.synopsis'))}>
        <Typography textColor="neutral700">{output.synopsis}</Typography>
      </ResultField>
      <MarkdownText>{output.story}</MarkdownText>
    </Flex>
  );
};
