import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { EMAIL_PREHEADER_MAX, EMAIL_SUBJECT_MAX } from '../../../writers/email';
import type { EmailOutput } from '../../utils/outputs';
import { msg } from '../../utils/translations';
import { CharCount } from './CharCount';
import { MarkdownText } from './MarkdownText';
import { ResultField } from './ResultField';
import { TextList } from './TextList';

export const EmailResult = ({ output }: { output: EmailOutput }) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <ResultField label={formatMessage(msg('result.subjectLines'))}>
        <TextList items={output.subjectLines} max={EMAIL_SUBJECT_MAX} />
      </ResultField>
      <ResultField
        label={formatMessage(msg('result.preheader'))}
        aside={<CharCount text={output.preheader} max={EMAIL_PREHEADER_MAX} />}
      >
        {output.preheader}
      </ResultField>
      <ResultField label={formatMessage(msg('result.body'))}>
        <MarkdownText>{output.body}</MarkdownText>
      </ResultField>
      <ResultField label={formatMessage(msg('result.callToAction'))}>
        <Typography fontWeight="bold">{output.callToAction}</Typography>
      </ResultField>
    </Flex>
  );
};
