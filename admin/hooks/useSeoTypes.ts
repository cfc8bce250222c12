import { useQuery } from '@tanstack/react-query';
import type { SeoTypeView } from '../../contracts/seo';
import { useApi } from './useApi';

/** Every collection type's SEO setting: one cache entry the panel, pages and settings share. */
export const SEO_TYPES_KEY = ['seo', 'types'] as const;

export const useSeoTypes = <T = SeoTypeView[]>(
  options: { enabled?: boolean; select?: (types: SeoTypeView[]) => T } = {},
) => {
  const api = useApi();
  return useQuery({
    queryKey: SEO_TYPES_KEY,
    queryFn: async () => (await api.get<SeoTypeView[]>('/seo/types')).data,
    staleTime: 60_000,
    ...options,
  });
};
