import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router-dom';
import { UsageMeter } from '../../components/UsageMeter';
import { errorMessage } from '../../hooks/useApi';
import { msg } from '../../utils/translations';
import { chatPath } from './chat-path';
import { Composer } from './Composer';
import { SessionList } from './SessionList';
import { Transcript } from './Transcript';
import { useCreateSession, useDeleteSession, useSession } from './useChatSessions';
import { useChatTurn } from './useChatTurn';

/** Both columns fill the window below the header; the transcript scrolls inside its own. */
const PANEL_HEIGHT = 'calc(100vh - 240px)';
const PANEL_MIN_HEIGHT = '52rem';

/**
 * `chat/:documentId?`: the conversations on the left, the open one on the right with its
 * composer. One route with an optional id, so a first question (which creates the conversation
 * and puts its id in the address) keeps its answer streaming on the same mounted page.
 */
export const ChatPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const { documentId } = useParams<{ documentId: string }>();
  const session = useSession(documentId);
  const create = useCreateSession();
  const remove = useDeleteSession();
  const turn = useChatTurn();
  const [question, setQuestion] = useState('');
  const [drafts, setDrafts] = useState(true);
  const [creating, setCreating] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);

  const messages = session.data?.data.messages;
  const live = turn.live && turn.live.sessionId === documentId ? turn.live : null;
  const busy = turn.streaming || creating;

  // The composer is disabled while an answer streams, which takes the focus away: give it back.
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !busy) textarea.current?.focus();
    wasBusy.current = busy;
  }, [busy]);

  const ask = async (text: string, withDrafts = drafts) => {
    const content = text.trim();
    if (!content || busy) return;
    // An example or a retry leaves whatever else is being written in the composer.
    setQuestion((current) => (current.trim() === content ? '' : current));
    setCreating(true);
    let sessionId = documentId;
    const stored = new Set(messages?.map((message) => message.documentId));
    // An answer just finished may not be in the stored conversation yet: it will be.
    const pending = live?.kept.filter((id) => !stored.has(id)).length ?? 0;
    let baseline = stored.size + pending;
    if (!sessionId) {
      try {
        const created = await create.mutateAsync();
        sessionId = created.documentId;
        baseline = 0;
        navigate(chatPath(sessionId));
      } catch (error) {
        setCreating(false);
        setQuestion((current) => current || content);
        toggleNotification({ type: 'danger', message: errorMessage(error) });
        return;
      }
    }
    // Started before `creating` ends, so the composer never looks free in between.
    const answered = turn.send({ sessionId, content, drafts: withDrafts, baseline });
    setCreating(false);
    // A failed or stopped question goes back to the composer, to send again or rework.
    if ((await answered) !== 'done') setQuestion((current) => current || content);
  };

  const retry = () => {
    if (live) void ask(live.content, live.drafts);
  };

  const startNew = () => {
    // An empty conversation is already open: no need for another one.
    if (documentId && messages?.length === 0 && !live) {
      textarea.current?.focus();
      return;
    }
    create.mutate(undefined, {
      onSuccess: (created) => navigate(chatPath(created.documentId)),
      onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
    });
  };

  const deleteSession = (id: string) =>
    remove.mutate(id, {
      onSuccess: () => {
        if (turn.live?.sessionId === id) turn.dismiss();
        if (id === documentId) navigate(chatPath());
        toggleNotification({
          type: 'success',
          message: formatMessage(msg('chat.sessions.deleted')),
        });
      },
      onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
    });

  return (
    <Page.Main>
      <Page.Title>{formatMessage(msg('chat.title'))}</Page.Title>
      <Layouts.Header
        title={formatMessage(msg('chat.title'))}
        subtitle={formatMessage(msg('chat.subtitle'))}
        navigationAction={<BackButton fallback=".." />}
        secondaryAction={<UsageMeter />}
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            <Box
              background="neutral0"
              hasRadius
              shadow="tableShadow"
              padding={3}
              width="100%"
              height={PANEL_HEIGHT}
              minHeight={PANEL_MIN_HEIGHT}
            >
              <SessionList
                selectedId={documentId}
                onNew={startNew}
                creating={create.isPending && !creating}
                onDelete={deleteSession}
              />
            </Box>
          </Grid.Item>
          <Grid.Item col={9} s={12} direction="column" alignItems="stretch">
            <Flex
              direction="column"
              alignItems="stretch"
              background="neutral0"
              hasRadius
              shadow="tableShadow"
              width="100%"
              height={PANEL_HEIGHT}
              minHeight={PANEL_MIN_HEIGHT}
              overflow="hidden"
            >
              {session.data ? (
                <Box paddingTop={4} paddingLeft={5} paddingRight={5} paddingBottom={3}>
                  <Typography variant="delta" tag="h2" ellipsis>
                    {session.data.data.title}
                  </Typography>
                </Box>
              ) : null}
              <Transcript
                sessionId={documentId}
                session={{
                  messages,
                  isLoading: session.isLoading,
                  isError: session.isError,
                  error: session.error,
                  refetch: () => void session.refetch(),
                }}
                live={live}
                busy={busy}
                onAsk={(text) => void ask(text)}
                onRetry={retry}
              />
              <Composer
                value={question}
                onChange={setQuestion}
                drafts={drafts}
                onDraftsChange={setDrafts}
                onSend={() => void ask(question)}
                onStop={turn.stop}
                streaming={turn.streaming}
                sending={creating}
                disabled={Boolean(documentId) && (session.isLoading || session.isError)}
                textareaRef={textarea}
              />
            </Flex>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
};
