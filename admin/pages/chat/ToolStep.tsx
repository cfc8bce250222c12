import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { ChevronDown, ChevronRight, Cog } from '@strapi/icons';
import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import type { ChatMessageView } from '../../../contracts/chat';
import { contentManagerPath } from '../../utils/paths';
import { msg } from '../../utils/translations';
import { summaryOf, toolResultOf } from './tool-summary';

const Json = ({ label, value }: { label: string; value: unknown }) => (
  <Flex direction="column" alignItems="stretch" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Box
      background="neutral0"
      borderColor="neutral200"
      hasRadius
      padding={3}
      maxHeight="240px"
      overflow="auto"
      tabIndex={0}
      aria-label={label}
    >
      <Typography
        tag="pre"
        variant="pi"
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'monospace' }}
      >
        {typeof value === 'string' ? value : JSON.stringify(value, null, 2)}
      </Typography>
    </Box>
  </Flex>
);

/**
 * A tool the model ran, in one line; what it was asked and what it read back on request. They
 * are part of the answer's reasoning, so they stay in the transcript, out of the way.
 */
export const ToolStep = ({ message }: { message: ChatMessageView }) => {
  const { formatMessage } = useIntl();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const summary = summaryOf(message);
  const call = message.toolCalls[0];

  return (
    <Box paddingLeft={2} paddingRight={2}>
      <Flex gap={2} wrap="wrap">
        <Cog aria-hidden width="1.2rem" height="1.2rem" fill="neutral500" />
        <Typography variant="pi" textColor="neutral700">
          {formatMessage(msg(summary.key), summary.values)}
        </Typography>
        {summary.refusal ? (
          <Typography variant="pi" textColor="danger600">
            {formatMessage(msg('chat.tool.refused'), { reason: summary.refusal })}
          </Typography>
        ) : null}
        <Button
          variant="ghost"
          size="S"
          startIcon={open ? <ChevronDown /> : <ChevronRight />}
          aria-expanded={open}
          aria-controls={open ? detailsId : undefined}
          onClick={() => setOpen((previous) => !previous)}
        >
          {formatMessage(msg(open ? 'chat.tool.hide' : 'chat.tool.show'))}
        </Button>
      </Flex>
      {open ? (
        <Flex id={detailsId} direction="column" alignItems="stretch" gap={3} paddingTop={2}>
          <Json label={formatMessage(msg('chat.tool.arguments'))} value={call?.arguments ?? {}} />
          <Json label={formatMessage(msg('chat.tool.result'))} value={toolResultOf(message)} />
          {summary.entry ? (
            <Box>
              <Link tag={RouterLink} to={contentManagerPath(summary.entry)}>
                {formatMessage(msg('chat.tool.openEntry'))}
              </Link>
            </Box>
          ) : null}
        </Flex>
      ) : null}
    </Box>
  );
};
