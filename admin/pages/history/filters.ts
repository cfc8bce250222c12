import type { ListGenerationsQuery } from '../../../contracts/generations';
import type { JobStatus } from '../../../contracts/jobs';
import type { WriterId } from '../../utils/writers';

export interface HistoryFilters {
  kind: WriterId | '';
  status: JobStatus | '';
  from?: Date;
  to?: Date;
  q: string;
  mine: boolean;
}

export const NO_FILTERS: HistoryFilters = { kind: '', status: '', q: '', mine: false };

/** A calendar day as the API takes it (`2025-03-01`), in the user's own time zone. */
const dayOf = (date: Date) =>
  [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');

export const isFiltered = (filters: HistoryFilters) =>
  Boolean(
    filters.kind ||
    filters.status ||
    filters.from ||
    filters.to ||
    filters.q.trim() ||
    filters.mine,
  );

/** The query string: empty filters left out, as the server rejects empty values. */
export const queryOf = (
  filters: HistoryFilters,
  page: number,
  pageSize: number,
  userId: number | string | undefined,
): Partial<Record<keyof ListGenerationsQuery, string | number>> => ({
  page,
  pageSize,
  ...(filters.kind ? { kind: filters.kind } : {}),
  ...(filters.status ? { status: filters.status } : {}),
  ...(filters.from ? { from: dayOf(filters.from) } : {}),
  ...(filters.to ? { to: dayOf(filters.to) } : {}),
  ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
  ...(filters.mine && userId ? { author: userId } : {}),
});
