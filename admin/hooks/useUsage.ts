import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { UsageView } from '../../contracts/usage';
import { useApi } from './useApi';

const USAGE_KEY = ['usage', 'me'] as const;

/** The caller's tokens today against their quota. */
export const useUsage = () => {
  const api = useApi();
  return useQuery({
    queryKey: USAGE_KEY,
    queryFn: () => api.get<UsageView>('/usage/me'),
    refetchInterval: 60_000,
  });
};

/** Reads the usage again after a model call. */
export const useRefreshUsage = () => {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: USAGE_KEY }), [queryClient]);
};
