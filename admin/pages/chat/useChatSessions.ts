import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChatMessageView, ChatSessionView, ProposalView } from '../../../contracts/chat';
import type { Pagination } from '../../../contracts/jobs';
import { useApi } from '../../hooks/useApi';

const BASE = '/chat/sessions';
/** A sidebar's worth; older conversations load on demand. */
const PAGE_SIZE = 30;

export type ChatSessionDetail = ChatSessionView & { messages: ChatMessageView[] };
export type SessionResponse = { data: ChatSessionDetail; meta: undefined };

export const chatKeys = {
  sessions: ['chat-sessions'] as const,
  session: (documentId: string | undefined) => ['chat-session', documentId] as const,
};

/** Conversations, last active first, page after page as the list is scrolled through. */
export const useSessionList = () => {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: chatKeys.sessions,
    queryFn: ({ pageParam }) =>
      api.get<ChatSessionView[], { pagination: Pagination }>(BASE, {
        page: pageParam,
        pageSize: PAGE_SIZE,
      }),
    initialPageParam: 1,
    getNextPageParam: ({ meta: { pagination } }) =>
      pagination.page < pagination.pageCount ? pagination.page + 1 : undefined,
  });
};

/** One conversation with every stored message. */
export const useSession = (documentId: string | undefined) => {
  const api = useApi();
  return useQuery({
    queryKey: chatKeys.session(documentId),
    queryFn: () => api.get<ChatSessionDetail>(`${BASE}/${documentId}`),
    enabled: Boolean(documentId),
  });
};

/** The stored conversation with a proposal's new state, as Confirm or Discard answered it. */
export const withProposal = (
  previous: SessionResponse | undefined,
  proposal: ProposalView,
): SessionResponse | undefined =>
  previous && {
    ...previous,
    data: {
      ...previous.data,
      messages: previous.data.messages.map((message) =>
        message.documentId === proposal.id ? { ...message, proposal } : message,
      ),
    },
  };

export const useCreateSession = () => {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await api.post<ChatSessionView>(BASE, {})).data,
    onSuccess: (session) => {
      // Known to be empty: the page opens it without a round trip.
      queryClient.setQueryData<SessionResponse>(chatKeys.session(session.documentId), {
        data: { ...session, messages: [] },
        meta: undefined,
      });
      void queryClient.invalidateQueries({ queryKey: chatKeys.sessions });
    },
  });
};

export const useRenameSession = () => {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ documentId, title }: { documentId: string; title: string }) =>
      (await api.put<ChatSessionView>(`${BASE}/${documentId}`, { title })).data,
    onSuccess: (session) =>
      queryClient.setQueryData<SessionResponse>(
        chatKeys.session(session.documentId),
        (previous) => previous && { ...previous, data: { ...previous.data, ...session } },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: chatKeys.sessions }),
  });
};

export const useDeleteSession = () => {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) => api.del(`${BASE}/${documentId}`),
    onSuccess: (_, documentId) =>
      queryClient.removeQueries({ queryKey: chatKeys.session(documentId) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: chatKeys.sessions }),
  });
};
