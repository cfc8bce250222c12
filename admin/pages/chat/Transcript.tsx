import { Box, Button, Flex, Loader } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useLayoutEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import type { ChatMessageView } from '../../../contracts/chat';
import { ErrorText } from '../../components/ErrorText';
import { msg } from '../../utils/translations';
import { ChatIntro } from './ChatIntro';
import { StoredMessage } from './ChatMessage';
import { LiveTurn } from './LiveTurn';
import type { LiveTurn as LiveTurnState } from './useChatTurn';

/** Within this many pixels of the end, the reader is following along: new text keeps in view. */
const FOLLOW_SLACK = 96;

interface TranscriptProps {
  sessionId: string | undefined;
  session: {
    messages: ChatMessageView[] | undefined;
    isLoading: boolean;
    isError: boolean;
    error: unknown;
    refetch(): void;
  };
  /** The turn being answered (or just failed) in this conversation. */
  live: LiveTurnState | null;
  busy: boolean;
  onAsk(question: string): void;
  onRetry(): void;
}

/** How much the transcript holds, to follow its end as it grows. */
const sizeOf = (messages: ChatMessageView[], live: LiveTurnState | null) =>
  [
    messages.length,
    live?.phase,
    live?.citations.length,
    live?.steps.length,
    live?.steps.reduce((sum, step) => sum + (step.kind === 'text' ? step.text.length : 0), 0),
  ].join(':');

/** The conversation, oldest first, with the turn in progress at its end. */
export const Transcript = ({ sessionId, session, live, busy, onAsk, onRetry }: TranscriptProps) => {
  const { formatMessage } = useIntl();
  const box = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const messages = session.messages ?? [];
  // The live turn gives way once the stored conversation holds what it kept.
  const storedIds = new Set(messages.map((message) => message.documentId));
  const lastKept = live?.kept[live.kept.length - 1];
  const unsettled = live && !(lastKept && storedIds.has(lastKept)) ? live : null;
  // A reload while the answer streams may already hold some of its tool steps: shown once.
  const shownLive = unsettled && {
    ...unsettled,
    steps: unsettled.steps.filter(
      (step) => step.kind === 'text' || !storedIds.has(step.message.documentId),
    ),
  };
  const size = sizeOf(messages, shownLive);

  // Another conversation opens at its end, like any chat.
  const shownSession = useRef(sessionId);
  useLayoutEffect(() => {
    const element = box.current;
    if (shownSession.current !== sessionId) {
      shownSession.current = sessionId;
      following.current = true;
    }
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [size, sessionId]);

  const content = () => {
    if (!sessionId) {
      return <ChatIntro variant="welcome" onAsk={onAsk} disabled={busy} />;
    }
    if (session.isLoading) {
      return (
        <Flex justifyContent="center" padding={8}>
          <Loader>{formatMessage(msg('common.loading'))}</Loader>
        </Flex>
      );
    }
    if (session.isError) {
      return (
        <Flex direction="column" alignItems="center" gap={3} padding={8}>
          <ErrorText error={session.error} />
          <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={session.refetch}>
            {formatMessage(msg('common.error.retry'))}
          </Button>
        </Flex>
      );
    }
    if (!messages.length && !shownLive) {
      return <ChatIntro variant="empty" onAsk={onAsk} disabled={busy} />;
    }
    return (
      <Flex direction="column" alignItems="stretch" gap={4}>
        {messages.map((message) => (
          <StoredMessage key={message.documentId} message={message} sessionId={sessionId} />
        ))}
        {shownLive ? (
          <LiveTurn
            turn={shownLive}
            showQuestion={messages.length <= shownLive.baseline}
            busy={busy}
            onRetry={onRetry}
          />
        ) : null}
      </Flex>
    );
  };

  return (
    <Box
      ref={box}
      role="log"
      aria-label={formatMessage(msg('chat.transcript.label'))}
      padding={5}
      overflow="auto"
      flex="1"
      tabIndex={0}
      // A flex child shrinks below its content only without a minimum: then it scrolls.
      style={{ minHeight: 0 }}
      onScroll={() => {
        const element = box.current;
        if (!element) return;
        following.current =
          element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_SLACK;
      }}
    >
      {content()}
    </Box>
  );
};
