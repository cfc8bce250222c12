import { useQuery } from '@tanstack/react-query';
import type { Pagination } from '../../../contracts/jobs';
import type {
  ScheduleBody,
  ScheduleUpdate,
  ScheduleView,
} from '../../../contracts/site-audit-schedules';
import { useApi } from '../../hooks/useApi';
import { useListMutation } from '../../hooks/useListMutation';

const BASE = '/site-audit-schedules';
const keys = { all: ['site-audit-schedules'] as const };
// A schedule's next and last runs move on while the page is open.
const POLL_MS = 30_000;
/** More than anyone keeps: the list is not paged. */
const LIST_SIZE = 100;

export const useSchedules = () => {
  const api = useApi();
  return useQuery({
    queryKey: keys.all,
    queryFn: () =>
      api.get<ScheduleView[], { pagination: Pagination }>(BASE, { pageSize: LIST_SIZE }),
    refetchInterval: POLL_MS,
  });
};

const useScheduleMutation = <A, R>(run: (api: ReturnType<typeof useApi>, args: A) => Promise<R>) =>
  useListMutation(keys.all, run);

export const useCreateSchedule = () =>
  useScheduleMutation(
    async (api, body: ScheduleBody) => (await api.post<ScheduleView>(BASE, body)).data,
  );

export const useUpdateSchedule = () =>
  useScheduleMutation((api, { documentId, ...update }: ScheduleUpdate & { documentId: string }) =>
    api.put<ScheduleView>(`${BASE}/${documentId}`, update),
  );

export const useDeleteSchedule = () =>
  useScheduleMutation((api, documentId: string) => api.del(`${BASE}/${documentId}`));
