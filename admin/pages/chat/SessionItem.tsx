import { Flex, IconButton, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { styled } from 'styled-components';
import type { ChatSessionView } from '../../../contracts/chat';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { msg } from '../../utils/translations';
import { chatPath } from './chat-path';
import { relativeTimeOf } from './relative-time';
import { RenameDialog } from './RenameDialog';

/** The whole title-and-time block is the link, so the row is one Tab stop before its actions. */
const SessionLink = styled(RouterLink)`
  display: block;
  flex: 1;
  min-width: 0;
  padding: ${({ theme }) => `${theme.spaces[2]} ${theme.spaces[3]}`};
  border-radius: ${({ theme }) => theme.borderRadius};
  color: inherit;
  text-decoration: none;
  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: -2px;
  }
`;

interface SessionItemProps {
  session: ChatSessionView;
  selected: boolean;
  now: number;
  onDelete(documentId: string): void;
}

export const SessionItem = ({ session, selected, now, onDelete }: SessionItemProps) => {
  const { formatMessage, formatRelativeTime, formatDate } = useIntl();
  const { value, unit } = relativeTimeOf(session.updatedAt, now);
  return (
    <Flex
      tag="li"
      gap={1}
      paddingRight={1}
      hasRadius
      background={selected ? 'primary100' : undefined}
      borderColor={selected ? 'primary200' : 'transparent'}
    >
      <SessionLink to={chatPath(session.documentId)} aria-current={selected ? 'page' : undefined}>
        <Typography
          tag="span"
          display="block"
          ellipsis
          fontWeight={selected ? 'bold' : 'semiBold'}
          textColor={selected ? 'primary700' : 'neutral800'}
          title={session.title}
        >
          {session.title}
        </Typography>
        <Typography tag="span" display="block" variant="pi" textColor="neutral600">
          <time
            dateTime={session.updatedAt}
            title={formatDate(session.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })}
          >
            {formatRelativeTime(value, unit, { numeric: 'auto' })}
          </time>
        </Typography>
      </SessionLink>
      <RenameDialog session={session} />
      <ConfirmDialog
        trigger={
          <IconButton
            label={formatMessage(msg('chat.sessions.delete'), { title: session.title })}
            variant="ghost"
            size="S"
          >
            <Trash />
          </IconButton>
        }
        title={formatMessage(msg('chat.sessions.delete.title'))}
        body={formatMessage(msg('chat.sessions.delete.body'), { title: session.title })}
        keepLabel={formatMessage(msg('chat.sessions.delete.keep'))}
        confirmLabel={formatMessage(msg('chat.sessions.delete.confirm'))}
        onConfirm={() => onDelete(session.documentId)}
      />
    </Flex>
  );
};
