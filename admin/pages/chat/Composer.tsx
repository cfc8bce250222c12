import { Box, Button, Checkbox, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { PaperPlane, Stop } from '@strapi/icons';
import type { KeyboardEvent, RefObject } from 'react';
import { useIntl } from 'react-intl';
import { MESSAGE_MAX } from '../../../contracts/chat';
import { msg } from '../../utils/translations';

interface ComposerProps {
  value: string;
  onChange(value: string): void;
  drafts: boolean;
  onDraftsChange(drafts: boolean): void;
  onSend(): void;
  onStop(): void;
  /** An answer is being written: Stop instead of typing. */
  streaming: boolean;
  /** Sending has begun (the conversation is being created, say). */
  sending: boolean;
  /** Nothing can be sent here now (the conversation failed to load). */
  disabled: boolean;
  textareaRef: RefObject<HTMLTextAreaElement>;
}

/** Where a question is written: Enter sends it, Shift+Enter starts a new line. */
export const Composer = ({
  value,
  onChange,
  drafts,
  onDraftsChange,
  onSend,
  onStop,
  streaming,
  sending,
  disabled,
  textareaRef,
}: ComposerProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const length = value.trim().length;
  const tooLong = length > MESSAGE_MAX;
  const locked = disabled || streaming || sending;
  const canSend = !locked && length > 0 && !tooLong;

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // An input method still composing a character uses Enter to choose it.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (canSend) onSend();
  };

  return (
    <Box
      tag="form"
      padding={4}
      borderColor="neutral150"
      background="neutral0"
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        if (canSend) onSend();
      }}
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Field.Root
          name="chat-question"
          hint={formatMessage(msg('chat.composer.hint'))}
          error={
            tooLong
              ? formatMessage(msg('chat.composer.tooLong'), { max: formatNumber(MESSAGE_MAX) })
              : undefined
          }
        >
          <Field.Label>{formatMessage(msg('chat.composer.label'))}</Field.Label>
          <Textarea
            ref={textareaRef}
            value={value}
            rows={3}
            minHeight="6rem"
            disabled={locked}
            placeholder={formatMessage(msg('chat.composer.placeholder'))}
            onKeyDown={onKeyDown}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
              onChange(event.target.value)
            }
          />
          {tooLong ? <Field.Error /> : <Field.Hint />}
        </Field.Root>
        <Flex justifyContent="space-between" gap={3} wrap="wrap">
          <Flex gap={4} wrap="wrap">
            <Checkbox
              checked={drafts}
              disabled={locked}
              onCheckedChange={(checked: boolean | 'indeterminate') =>
                onDraftsChange(checked === true)
              }
            >
              {formatMessage(msg('chat.composer.drafts'))}
            </Checkbox>
            <Typography variant="pi" textColor={tooLong ? 'danger600' : 'neutral600'}>
              {formatMessage(msg('chat.composer.count'), {
                count: formatNumber(length),
                max: formatNumber(MESSAGE_MAX),
              })}
            </Typography>
          </Flex>
          <Flex gap={2}>
            {streaming ? (
              <Button variant="danger-light" startIcon={<Stop />} onClick={onStop}>
                {formatMessage(msg('chat.composer.stop'))}
              </Button>
            ) : null}
            <Button
              type="submit"
              startIcon={<PaperPlane />}
              loading={streaming || sending}
              disabled={!canSend}
            >
              {formatMessage(msg('chat.composer.send'))}
            </Button>
          </Flex>
        </Flex>
      </Flex>
    </Box>
  );
};
