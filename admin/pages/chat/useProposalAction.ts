import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProposalView } from '../../../contracts/chat';
import { useApi } from '../../hooks/useApi';
import { chatKeys, withProposal, type SessionResponse } from './useChatSessions';

export type ProposalAction = 'confirm' | 'discard';

/** The HTTP status of a failed request made with the admin's fetch client. */
export const statusOf = (error: unknown): number | undefined => {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
};

/**
 * Confirm (the server writes the draft, if the user's own permissions allow) or Discard. A 409
 * means someone settled it meanwhile, in another tab say: the stored state is fetched again.
 */
export const useProposalAction = (sessionId: string, proposalId: string) => {
  const api = useApi();
  const queryClient = useQueryClient();
  const sessionKey = chatKeys.session(sessionId);
  return useMutation({
    mutationFn: async (action: ProposalAction) =>
      (await api.post<ProposalView>(`/chat/proposals/${proposalId}/${action}`)).data,
    onSuccess: (proposal) =>
      queryClient.setQueryData<SessionResponse>(sessionKey, (previous) =>
        withProposal(previous, proposal),
      ),
    onError: (error) => {
      if (statusOf(error) === 409) void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
};
