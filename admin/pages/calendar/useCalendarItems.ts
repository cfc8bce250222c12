import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  CalendarItemView,
  CreateItemBody,
  ListItemsQuery,
  ReleaseView,
  UpdateItemBody,
} from '../../../contracts/calendar';
import type { Pagination } from '../../../contracts/jobs';
import { useApi } from '../../hooks/useApi';
import { useListMutation } from '../../hooks/useListMutation';

const BASE = '/calendar/items';
const keys = { all: ['calendar-items'] as const };
/** A month of a busy calendar fits on one page; the route caps a page at this size. */
const RANGE_PAGE_SIZE = 100;
// A scheduled item turns published (or failed) while the page is open.
const POLL_MS = 5_000;

export type CalendarFilters = Pick<ListItemsQuery, 'channel' | 'status' | 'uid' | 'locale'> & {
  assigneeId?: number;
};

export const useCalendarItems = (
  range: { from: string; to: string } | null,
  filters: CalendarFilters,
) => {
  const api = useApi();
  return useQuery({
    queryKey: [...keys.all, range, filters],
    queryFn: () =>
      api.get<CalendarItemView[], { pagination: Pagination }>(BASE, {
        ...range,
        ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)),
        pageSize: RANGE_PAGE_SIZE,
      }),
    enabled: range !== null,
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
  });
};

/** Strapi's own scheduled releases in the range, shown read-only where that API is there. */
export const useReleases = (range: { from: string; to: string } | null) => {
  const api = useApi();
  return useQuery({
    queryKey: ['calendar-releases', range],
    queryFn: () => api.get<ReleaseView[], { available: boolean }>('/calendar/releases', range!),
    enabled: range !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
};

const useItemMutation = <A, R>(run: (api: ReturnType<typeof useApi>, args: A) => Promise<R>) =>
  useListMutation(keys.all, run);

export const useCreateItem = () =>
  useItemMutation(
    async (api, body: Partial<CreateItemBody>) =>
      (await api.post<CalendarItemView>(BASE, body)).data,
  );

export const useUpdateItem = () =>
  useItemMutation(
    async (api, { documentId, ...update }: UpdateItemBody & { documentId: string }) =>
      (await api.put<CalendarItemView>(`${BASE}/${documentId}`, update)).data,
  );

export const useDeleteItem = () =>
  useItemMutation((api, documentId: string) => api.del(`${BASE}/${documentId}`));
