import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { GenerationView } from '../../contracts/generations';
import { TERMINAL_STATUSES } from '../../contracts/jobs';
import type { WriterDescriptor } from '../utils/writers';
import { useApi } from './useApi';

export const generationKey = (documentId: string) => ['generation', documentId] as const;

/** The writers and their option schemas: fixed while Strapi runs. */
export const useWriters = (enabled = true) => {
  const api = useApi();
  return useQuery({
    queryKey: ['writers'],
    queryFn: () => api.get<WriterDescriptor[]>('/writers'),
    staleTime: Infinity,
    enabled,
  });
};

/** Checked again and again while it runs, in case its live events are not available. */
const POLL_MS = 4000;

export const useGeneration = (documentId: string | undefined) => {
  const api = useApi();
  return useQuery({
    queryKey: generationKey(documentId ?? ''),
    queryFn: () => api.get<GenerationView>(`/generations/${documentId}`),
    enabled: Boolean(documentId),
    refetchInterval: (query) => {
      const status = query.state.data?.data.status;
      return status && !TERMINAL_STATUSES.includes(status) ? POLL_MS : false;
    },
  });
};

/** Puts a generation the server just answered into the cache, sparing a refetch. */
export const useStoreGeneration = () => {
  const queryClient = useQueryClient();
  return useCallback(
    (view: GenerationView) =>
      queryClient.setQueryData(generationKey(view.documentId), { data: view, meta: undefined }),
    [queryClient],
  );
};
