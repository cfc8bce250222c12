import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise, Plus } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { QueryState } from '../../components/QueryState';
import { msg } from '../../utils/translations';
import { SessionItem } from './SessionItem';
import { useNow } from './useNow';
import { useSessionList } from './useChatSessions';

interface SessionListProps {
  selectedId: string | undefined;
  onNew(): void;
  creating: boolean;
  onDelete(documentId: string): void;
}

/** The user's conversations, last active first, with the open one marked. */
export const SessionList = ({ selectedId, onNew, creating, onDelete }: SessionListProps) => {
  const { formatMessage } = useIntl();
  const list = useSessionList();
  const now = useNow();
  const sessions = list.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <Flex
      tag="nav"
      aria-label={formatMessage(msg('chat.sessions.label'))}
      direction="column"
      alignItems="stretch"
      gap={3}
      height="100%"
    >
      <Button fullWidth startIcon={<Plus />} onClick={onNew} loading={creating}>
        {formatMessage(msg('chat.sessions.new'))}
      </Button>
      <Box overflow="auto" flex="1">
        <QueryState
          query={list}
          isEmpty={!sessions.length}
          empty={formatMessage(msg('chat.sessions.empty'))}
        >
          <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
            {sessions.map((session) => (
              <SessionItem
                key={session.documentId}
                session={session}
                selected={session.documentId === selectedId}
                now={now}
                onDelete={onDelete}
              />
            ))}
          </Flex>
          {list.hasNextPage ? (
            <Box paddingTop={2}>
              <Button
                variant="tertiary"
                fullWidth
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {formatMessage(msg('chat.sessions.more'))}
              </Button>
            </Box>
          ) : null}
        </QueryState>
        {list.isError ? (
          <Flex justifyContent="center" paddingTop={2}>
            <Button
              variant="tertiary"
              startIcon={<ArrowClockwise />}
              onClick={() => void list.refetch()}
            >
              {formatMessage(msg('common.error.retry'))}
            </Button>
          </Flex>
        ) : null}
      </Box>
      {list.isFetched && !list.isError ? (
        <Typography variant="pi" textColor="neutral600" aria-live="polite">
          {formatMessage(msg('chat.sessions.count'), {
            count: list.data?.pages[0]?.meta.pagination.total ?? 0,
          })}
        </Typography>
      ) : null}
    </Flex>
  );
};
