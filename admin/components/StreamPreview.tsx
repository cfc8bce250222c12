import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { Stop } from '@strapi/icons';
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { stringValuesOf } from '../utils/streamed-json-text';
import { msg } from '../utils/translations';

interface StreamPreviewProps {
  text: string;
  streaming: boolean;
  onStop: () => void;
}

/**
 * What a short writer is writing, as it arrives: the text of its JSON answer without the JSON,
 * so the user can read along and stop a run that is going the wrong way.
 */
export const StreamPreview = ({ text, streaming, onStop }: StreamPreviewProps) => {
  const { formatMessage } = useIntl();
  const box = useRef<HTMLDivElement>(null);

  const readable = stringValuesOf(text).join('\n\n');

  // Follow the end of the text, like a terminal, while it grows.
  useEffect(() => {
    if (box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [readable]);

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex justifyContent="space-between" gap={2}>
        <Flex gap={2}>
          {streaming ? <Loader small /> : null}
          <Typography variant="sigma" textColor="neutral600">
            {formatMessage(msg(streaming ? 'writer.preview.streaming' : 'writer.preview.stopped'))}
          </Typography>
        </Flex>
        {streaming ? (
          <Button variant="danger-light" startIcon={<Stop />} onClick={onStop}>
            {formatMessage(msg('writer.stop'))}
          </Button>
        ) : null}
      </Flex>
      <Box
        ref={box}
        background="neutral100"
        hasRadius
        padding={4}
        maxHeight="420px"
        overflow="auto"
        aria-label={formatMessage(msg('writer.preview.label'))}
        aria-busy={streaming}
        role="log"
      >
        <Typography
          tag="p"
          textColor="neutral700"
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
        >
          {readable || '…'}
        </Typography>
      </Box>
    </Flex>
  );
};
