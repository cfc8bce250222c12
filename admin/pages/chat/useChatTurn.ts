import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatMessageView, ChatStreamEvent, Citation } from '../../../contracts/chat';
import { useRefreshUsage } from '../../hooks/useUsage';
import { isAbort, streamErrorOf, streamEvents } from '../../utils/event-stream';
import { chatKeys } from './useChatSessions';

export type TurnPhase = 'searching' | 'writing' | 'done' | 'failed' | 'stopped';

/** What the model wrote and the tools it ran, in the order they came. */
export type LiveStep = { kind: 'text'; text: string } | { kind: 'tool'; message: ChatMessageView };

export interface TurnRequest {
  sessionId: string;
  content: string;
  drafts: boolean;
  /**
   * How many messages the conversation had stored when the question was sent: once it holds
   * more, the question is among them and the optimistic copy gives way.
   */
  baseline: number;
}

export interface LiveTurn extends TurnRequest {
  id: number;
  phase: TurnPhase;
  citations: Citation[];
  steps: LiveStep[];
  error?: string;
  /** Once done: the ids of the messages the server kept, which replace this turn on screen. */
  kept: string[];
}

export type TurnOutcome = 'done' | 'stopped' | 'failed';

const isMessages = (data: unknown): data is ChatMessageView[] => Array.isArray(data);

const withText = (steps: LiveStep[], text: string): LiveStep[] => {
  const last = steps[steps.length - 1];
  return last?.kind === 'text'
    ? [...steps.slice(0, -1), { kind: 'text', text: last.text + text }]
    : [...steps, { kind: 'text', text }];
};

/**
 * One question and its answer as it streams: the citations found, the text as it is written
 * and each tool result, then every message the server kept. Stop aborts the request (the
 * server stops its model call when the reader goes away), and so does leaving the page.
 */
export const useChatTurn = () => {
  const queryClient = useQueryClient();
  const refreshUsage = useRefreshUsage();
  const [live, setLive] = useState<LiveTurn | null>(null);
  const controller = useRef<AbortController | null>(null);
  const counter = useRef(0);

  useEffect(() => () => controller.current?.abort(), []);

  const stop = useCallback(() => controller.current?.abort(), []);

  /** Forgets a finished or failed turn (its conversation was deleted, say). */
  const dismiss = useCallback(() => {
    controller.current?.abort();
    setLive(null);
  }, []);

  const send = useCallback(
    async (request: TurnRequest): Promise<TurnOutcome> => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      counter.current += 1;
      const id = counter.current;
      // A turn replaced by a newer one no longer writes to the screen.
      const update = (change: (turn: LiveTurn) => LiveTurn) =>
        setLive((previous) => (previous?.id === id ? change(previous) : previous));
      setLive({ ...request, id, phase: 'searching', citations: [], steps: [], kept: [] });

      const sessionKey = chatKeys.session(request.sessionId);
      const reload = () => {
        void queryClient.invalidateQueries({ queryKey: sessionKey });
        void queryClient.invalidateQueries({ queryKey: chatKeys.sessions });
        void refreshUsage();
      };
      let result: ChatMessageView[] | undefined;
      try {
        await streamEvents(`/chat/sessions/${request.sessionId}/messages`, {
          method: 'POST',
          body: { content: request.content, drafts: request.drafts },
          signal: current.signal,
          onEvent: ({ event, data }) => {
            if (event === 'delta') {
              const text = (data as { text?: unknown } | null)?.text;
              if (typeof text === 'string') {
                update((turn) => ({
                  ...turn,
                  phase: 'writing',
                  steps: withText(turn.steps, text),
                }));
              }
            } else if (event === 'citations') {
              const { citations } = data as Extract<ChatStreamEvent, { type: 'citations' }>;
              update((turn) => ({ ...turn, phase: 'writing', citations: citations ?? [] }));
            } else if (event === 'tool') {
              const { message } = data as Extract<ChatStreamEvent, { type: 'tool' }>;
              if (message) {
                update((turn) => ({
                  ...turn,
                  phase: 'writing',
                  citations: [...turn.citations, ...(message.citations ?? [])],
                  steps: [...turn.steps, { kind: 'tool', message }],
                }));
              }
            } else if (event === 'result' && isMessages(data)) {
              result = data;
            } else if (event === 'error') {
              throw streamErrorOf(data);
            }
          },
        });
        if (!result) throw new Error('The answer ended before it was complete.');
        const kept = result;
        // Shown as it is until the stored conversation is fetched again with these messages:
        // its proposals' states are newer than the ones the stream carried.
        update((turn) => ({
          ...turn,
          phase: 'done',
          kept: kept.map((message) => message.documentId),
        }));
        reload();
        return 'done';
      } catch (error) {
        // The question may have been kept before the failure: the stored conversation says.
        reload();
        if (current.signal.aborted && (isAbort(error) || result === undefined)) {
          update((turn) => ({ ...turn, phase: 'stopped' }));
          return 'stopped';
        }
        const message = error instanceof Error ? error.message : String(error);
        update((turn) => ({ ...turn, phase: 'failed', error: message }));
        return 'failed';
      } finally {
        // An `error` event leaves the response open: close it.
        if (!current.signal.aborted) current.abort();
        if (controller.current === current) controller.current = null;
      }
    },
    [queryClient, refreshUsage],
  );

  const streaming = live?.phase === 'searching' || live?.phase === 'writing';
  return { live, streaming, send, stop, dismiss };
};
