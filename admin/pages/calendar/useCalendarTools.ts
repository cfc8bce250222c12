import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FeedTokenView } from '../../../contracts/calendar';
import type { PlanRequest, PlanResult } from '../../../contracts/calendar-plan';
import type { JobView } from '../../../contracts/jobs';
import { PLUGIN_ID } from '../../../contracts/permissions';
import { useApi } from '../../hooks/useApi';
import { fileNameOf, saveFile } from '../../utils/download';
import type { CalendarFilters } from './useCalendarItems';

const FEED_KEY = ['calendar-feed-token'] as const;

/** The view on screen as an .ics file: the route needs the admin token, hence fetch and a blob. */
export const useExportIcs = () => {
  const { get } = useFetchClient();
  return useMutation({
    mutationFn: async (view: { from: string; to: string } & CalendarFilters) => {
      const params = new URLSearchParams(
        Object.entries(view).filter((entry): entry is [string, string] => entry[1] !== undefined),
      );
      const response = await get(`/${PLUGIN_ID}/calendar/items.ics?${params}`, {
        responseType: 'blob',
      });
      saveFile(
        response.data,
        fileNameOf(response.headers?.get('Content-Disposition')) ?? 'calendar.ics',
      );
    },
  });
};

export const useFeedToken = (enabled: boolean) => {
  const api = useApi();
  return useQuery({
    queryKey: FEED_KEY,
    queryFn: async () => (await api.get<FeedTokenView>('/calendar/feed-token')).data,
    enabled,
  });
};

export const useCreateFeedToken = () => {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await api.post<FeedTokenView>('/calendar/feed-token')).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: FEED_KEY }),
  });
};

export const useRevokeFeedToken = () => {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.del('/calendar/feed-token'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: FEED_KEY }),
  });
};

/** A plan at once, or the id of the job writing a large one. */
export const usePlan = () => {
  const api = useApi();
  return useMutation({
    mutationFn: async (request: PlanRequest) =>
      (
        await api.post<PlanResult | { documentId: string; status: string }>(
          '/calendar/plan',
          request,
        )
      ).data,
  });
};

/** A large plan's job, followed until it ends; its result is the plan. */
export const usePlanJob = (documentId: string | null) => {
  const api = useApi();
  return useQuery({
    queryKey: ['calendar-plan-job', documentId],
    queryFn: async () => (await api.get<JobView>(`/jobs/${documentId}`)).data,
    enabled: documentId !== null,
    refetchInterval: (query) =>
      ['succeeded', 'failed', 'canceled'].includes(query.state.data?.status ?? '') ? false : 1000,
  });
};
