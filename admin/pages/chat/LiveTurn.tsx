import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/translations';
import { AnswerMessage, StepNote, ToolMessage, UserMessage } from './ChatMessage';
import type { LiveTurn as LiveTurnState } from './useChatTurn';

interface LiveTurnProps {
  turn: LiveTurnState;
  /** False once the stored conversation holds the question itself. */
  showQuestion: boolean;
  onRetry(): void;
  /** Another answer is being written: a retry would have to wait. */
  busy: boolean;
}

/**
 * The question just asked and its answer as it arrives: the tools as they run, the text as it
 * is written, the sources as they are found; then how it ended, if not with the stored turn.
 */
export const LiveTurn = ({ turn, showQuestion, onRetry, busy }: LiveTurnProps) => {
  const { formatMessage } = useIntl();
  const streaming = turn.phase === 'searching' || turn.phase === 'writing';
  const last = turn.steps[turn.steps.length - 1];
  // Text followed by a tool call was said on the way; only the text after every tool answers.
  const answer = last?.kind === 'text' ? last.text : '';
  const earlier = last?.kind === 'text' ? turn.steps.slice(0, -1) : turn.steps;
  const scope = `live-${turn.id}`;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {showQuestion ? <UserMessage content={turn.content} /> : null}
      {earlier.map((step, i) =>
        step.kind === 'text' ? (
          <StepNote key={i} text={step.text} />
        ) : (
          <ToolMessage
            key={step.message.documentId}
            message={step.message}
            sessionId={turn.sessionId}
          />
        ),
      )}
      <AnswerMessage text={answer} citations={turn.citations} scope={scope} live={streaming} />
      {streaming ? (
        <Flex gap={2} role="status">
          <Loader small>{formatMessage(msg('common.loading'))}</Loader>
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(
              msg(turn.phase === 'searching' ? 'chat.status.searching' : 'chat.status.writing'),
            )}
          </Typography>
        </Flex>
      ) : null}
      {turn.phase === 'failed' || turn.phase === 'stopped' ? (
        <Box
          background={turn.phase === 'failed' ? 'danger100' : 'neutral100'}
          borderColor={turn.phase === 'failed' ? 'danger200' : 'neutral200'}
          hasRadius
          padding={3}
        >
          <Flex justifyContent="space-between" gap={3} wrap="wrap">
            <Typography
              textColor={turn.phase === 'failed' ? 'danger600' : 'neutral700'}
              role={turn.phase === 'failed' ? 'alert' : 'status'}
            >
              {turn.phase === 'failed'
                ? formatMessage(msg('chat.turn.failed'), { error: turn.error ?? '' })
                : formatMessage(msg('chat.turn.stopped'))}
            </Typography>
            <Button
              variant="secondary"
              startIcon={<ArrowClockwise />}
              disabled={busy}
              onClick={onRetry}
            >
              {formatMessage(msg('common.error.retry'))}
            </Button>
          </Flex>
        </Box>
      ) : null}
    </Flex>
  );
};
