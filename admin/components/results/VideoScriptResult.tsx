import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { YOUTUBE } from '../../../writers/video-script';
import type { VideoScriptOutput } from '../../utils/outputs';
import { msg } from '../../utils/translations';
import { CharCount } from './CharCount';
import { MarkdownText } from './MarkdownText';
import { ResultField } from './ResultField';
import { TagList } from './TagList';
import { TextList } from './TextList';

export const VideoScriptResult = ({ output }: { output: VideoScriptOutput }) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <ResultField label={formatMessage(msg('result.titleOptions'))}>
        <TextList items={output.titleOptions} max={YOUTUBE.titleMax} />
      </ResultField>
      <ResultField label={formatMessage(msg('result.hook'))}>
        <Typography fontWeight="semiBold">{output.hook}</Typography>
      </ResultField>
      <ResultField label={formatMessage(msg('result.chapters'))}>
        <Flex tag="ol" direction="column" alignItems="stretch" gap={4}>
          {output.chapters.map((chapter, i) => (
            <Box tag="li" key={i} background="neutral100" hasRadius padding={4}>
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Typography variant="delta" tag="h3">
                  {`${chapter.timestamp} · ${chapter.title}`}
                </Typography>
                <MarkdownText>{chapter.script}</MarkdownText>
                {chapter.bRoll.length ? (
                  <ResultField label={formatMessage(msg('result.bRoll'))}>
                    <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
                      {chapter.bRoll.map((shot, j) => (
                        <li key={j}>
                          <Typography textColor="neutral700">{shot}</Typography>
                        </li>
                      ))}
                    </Box>
                  </ResultField>
                ) : null}
              </Flex>
            </Box>
          ))}
        </Flex>
      </ResultField>
      <ResultField
        label={formatMessage(msg('result.description'))}
        aside={<CharCount text={output.description} max={YOUTUBE.descriptionMax} />}
      >
        <MarkdownText>{output.description}</MarkdownText>
      </ResultField>
      <ResultField
        label={formatMessage(msg('result.tags'))}
        aside={<CharCount text={output.tags.join(',')} max={YOUTUBE.tagsMax} />}
      >
        <TagList tags={output.tags} />
      </ResultField>
    </Flex>
  );
};
