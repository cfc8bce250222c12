import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NEWS_HEADLINE_MAX } from '../../../writers/news';
import type { NewsOutput } from '../../utils/outputs';
import { msg } from '../../utils/translations';
import { CharCount } from './CharCount';
import { MarkdownText } from './MarkdownText';
import { ResultField } from './ResultField';

export const NewsResult = ({ output }: { output: NewsOutput }) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <ResultField
        label={formatMessage(msg('result.headline'))}
        aside={<CharCount text={output.headline} max={NEWS_HEADLINE_MAX} />}
      >
        <Typography variant="beta" tag="h2">
          {output.headline}
        </Typography>
      </ResultField>
      <ResultField label={formatMessage(msg('result.lead'))}>
        <Typography fontWeight="semiBold">{output.lead}</Typography>
      </ResultField>
      <ResultField label={formatMessage(msg('result.body'))}>
        <MarkdownText>{output.body}</MarkdownText>
      </ResultField>
    </Flex>
  );
};
