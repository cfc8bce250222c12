import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IndexSettingsBody, IndexView, PublicSettings } from '../../../../contracts/chat';
import { useApi } from '../../../hooks/useApi';

export const CHAT_INDEX_KEY = ['chat', 'index'] as const;
export const CHAT_PUBLIC_KEY = ['chat', 'public'] as const;

export const useChatIndex = (enabled: boolean) => {
  const api = useApi();
  return useQuery({
    queryKey: CHAT_INDEX_KEY,
    queryFn: async () => (await api.get<IndexView>('/chat/index')).data,
    enabled,
    // A 403 (no chat.use) will not change on a second try.
    retry: false,
  });
};

/** Answers the view as saved; when what is indexed changed, its `rebuild` is the job just started. */
export const useSaveIndex = () => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: IndexSettingsBody) =>
      (await api.put<IndexView>('/chat/index', body)).data,
    onSuccess: (view) => client.setQueryData(CHAT_INDEX_KEY, view),
  });
};

export const useRebuildIndex = () => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => (await api.post<{ documentId: string }>('/chat/index/rebuild')).data,
    // Awaited, so the button keeps loading until the view points at the job it follows.
    onSuccess: () => client.invalidateQueries({ queryKey: CHAT_INDEX_KEY }),
  });
};

export const usePublicSettings = () => {
  const api = useApi();
  return useQuery({
    queryKey: CHAT_PUBLIC_KEY,
    queryFn: async () => (await api.get<PublicSettings>('/chat/public')).data,
  });
};

export const useSavePublic = () => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: Partial<PublicSettings>) =>
      (await api.put<PublicSettings>('/chat/public', body)).data,
    onSuccess: (settings) => client.setQueryData(CHAT_PUBLIC_KEY, settings),
  });
};
