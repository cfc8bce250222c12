import { Box, Flex, Typography, VisuallyHidden } from '@strapi/design-system';
import { Information } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { NOT_FOUND_ANSWER, type ChatMessageView, type Citation } from '../../../contracts/chat';
import { msg } from '../../utils/translations';
import { AnswerText } from './AnswerText';
import { Citations } from './Citations';
import { ProposalCard } from './ProposalCard';
import { ToolStep } from './ToolStep';

export const UserMessage = ({ content }: { content: string }) => {
  const { formatMessage } = useIntl();
  return (
    <Flex justifyContent="flex-end">
      <Box background="primary100" hasRadius padding={3} maxWidth="80%">
        <VisuallyHidden>{formatMessage(msg('chat.message.you'))}</VisuallyHidden>
        <Typography tag="p" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {content}
        </Typography>
      </Box>
    </Flex>
  );
};

/** The fixed answer when nothing readable matched: a notice, not something the model made up. */
const NotFoundNotice = () => {
  const { formatMessage } = useIntl();
  return (
    <Flex
      gap={2}
      background="primary100"
      borderColor="primary200"
      hasRadius
      padding={3}
      alignItems="flex-start"
    >
      <Information aria-hidden fill="primary600" width="1.6rem" height="1.6rem" />
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography fontWeight="bold">{formatMessage(msg('chat.notFound'))}</Typography>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(msg('chat.notFound.hint'))}
        </Typography>
      </Flex>
    </Flex>
  );
};

interface AnswerMessageProps {
  text: string;
  citations: Citation[];
  /** Unique to this answer, for its citation anchors. */
  scope: string;
  /** Still being written: its text is announced as it grows and every source is listed. */
  live?: boolean;
}

export const AnswerMessage = ({ text, citations, scope, live }: AnswerMessageProps) => {
  const { formatMessage } = useIntl();
  const notFound = text.trim() === NOT_FOUND_ANSWER;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} maxWidth="90%">
      <Box aria-live={live ? 'polite' : undefined}>
        {notFound ? (
          <NotFoundNotice />
        ) : text ? (
          <Box background="neutral0" borderColor="neutral200" hasRadius padding={3}>
            <VisuallyHidden>{formatMessage(msg('chat.message.assistant'))}</VisuallyHidden>
            <AnswerText text={text} citations={citations} scope={scope} />
          </Box>
        ) : null}
      </Box>
      <Citations citations={citations} text={text} scope={scope} showAll={live} />
    </Flex>
  );
};

/** The model's words before it called tools ("Let me look that up"), kept low-key. */
export const StepNote = ({ text }: { text: string }) =>
  text.trim() ? (
    <Typography variant="pi" textColor="neutral600" style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Typography>
  ) : null;

/** A tool's result, with the card to confirm or discard when it proposes a write. */
export const ToolMessage = ({
  message,
  sessionId,
}: {
  message: ChatMessageView;
  sessionId: string;
}) => (
  <Flex direction="column" alignItems="stretch" gap={2}>
    <ToolStep message={message} />
    {message.proposal ? <ProposalCard sessionId={sessionId} proposal={message.proposal} /> : null}
  </Flex>
);

/** One stored message as the transcript shows it. */
export const StoredMessage = ({
  message,
  sessionId,
}: {
  message: ChatMessageView;
  sessionId: string;
}) => {
  if (message.role === 'user') return <UserMessage content={message.content} />;
  if (message.role === 'tool') return <ToolMessage message={message} sessionId={sessionId} />;
  if (message.toolCalls.length) return <StepNote text={message.content} />;
  return (
    <AnswerMessage
      text={message.content}
      citations={message.citations}
      scope={message.documentId}
    />
  );
};
