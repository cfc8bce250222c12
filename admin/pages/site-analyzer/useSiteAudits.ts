import { useFetchClient } from '@strapi/strapi/admin';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  TERMINAL_STATUSES,
  type JobStatus,
  type JobView,
  type Pagination,
} from '../../../contracts/jobs';
import { PLUGIN_ID } from '../../../contracts/permissions';
import type {
  AuditComparison,
  AuditPageRow,
  ListAuditsQuery,
  ListPagesQuery,
  SiteAuditBody,
  SiteAuditDetail,
  SiteAuditSummary,
} from '../../../contracts/site-audits';
import { useApi } from '../../hooks/useApi';
import { fileNameOf, issuesFileName, saveFile } from '../../utils/download';

/** One audit's queries share its prefix, so a status change refreshes its detail and pages. */
export const siteAuditKeys = {
  all: ['site-audits'] as const,
  lists: () => [...siteAuditKeys.all, 'list'] as const,
  list: (query: ListAuditsQuery) => [...siteAuditKeys.lists(), query] as const,
  audit: (documentId: string) => [...siteAuditKeys.all, 'audit', documentId] as const,
  detail: (documentId: string) => [...siteAuditKeys.audit(documentId), 'detail'] as const,
  pages: (documentId: string, query: ListPagesQuery) =>
    [...siteAuditKeys.audit(documentId), 'pages', query] as const,
  comparison: (documentId: string, otherDocumentId: string) =>
    [...siteAuditKeys.audit(documentId), 'compare', otherDocumentId] as const,
};

export const auditEventsPath = (documentId: string) => `/site-audits/${documentId}/events`;

export const isRunning = (status: JobStatus) => !TERMINAL_STATUSES.includes(status);

/** A list refreshes while a row is still at work; a finished list stays still. */
const LIST_POLL_MS = 3000;
/** In case the live events are not available (a proxy that buffers them). */
const DETAIL_POLL_MS = 4000;
/** A crawl's pages arrive in batches while it runs. */
const PAGES_POLL_MS = 5000;

/**
 * The query string. Strapi's fetch client does not encode parameters, so free text (an address
 * with `?` and `&`) is encoded here; empty filters are left out, as the server rejects them.
 */
const paramsOf = (query: object) =>
  Object.fromEntries(
    Object.entries(query)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => [key, typeof value === 'string' ? encodeURIComponent(value) : value]),
  );

/** `poll: false` for a list read for something else than its rows' progress (the sites). */
export const useSiteAuditList = (query: ListAuditsQuery, { poll = true } = {}) => {
  const api = useApi();
  return useQuery({
    queryKey: siteAuditKeys.list(query),
    queryFn: () =>
      api.get<SiteAuditSummary[], { pagination: Pagination }>('/site-audits', paramsOf(query)),
    placeholderData: keepPreviousData,
    refetchInterval: (current) =>
      poll && current.state.data?.data.some((row) => isRunning(row.status)) ? LIST_POLL_MS : false,
  });
};

export const useSiteAudit = (documentId: string) => {
  const api = useApi();
  return useQuery({
    queryKey: siteAuditKeys.detail(documentId),
    queryFn: () => api.get<SiteAuditDetail>(`/site-audits/${documentId}`),
    refetchInterval: (current) => {
      const status = current.state.data?.data.status;
      return status && isRunning(status) ? DETAIL_POLL_MS : false;
    },
  });
};

export const useAuditPages = (documentId: string, query: ListPagesQuery, live: boolean) => {
  const api = useApi();
  return useQuery({
    queryKey: siteAuditKeys.pages(documentId, query),
    queryFn: () =>
      api.get<AuditPageRow[], { pagination: Pagination }>(
        `/site-audits/${documentId}/pages`,
        paramsOf(query),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: live ? PAGES_POLL_MS : false,
  });
};

export const useAuditComparison = (documentId: string, otherDocumentId: string) => {
  const api = useApi();
  return useQuery({
    queryKey: siteAuditKeys.comparison(documentId, otherDocumentId),
    queryFn: () =>
      api.get<AuditComparison>(`/site-audits/${documentId}/compare/${otherDocumentId}`),
  });
};

/** A page audit answers the finished audit; a crawl answers its queued id. */
type StartedAudit = SiteAuditDetail | { documentId: string; status: 'queued' };

export const useStartAudit = () => {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: SiteAuditBody) =>
      (await api.post<StartedAudit>('/site-audits', body)).data,
    onSuccess: (audit) => {
      // The finished page audit is shown at once, without asking for it again.
      if ('scope' in audit) {
        queryClient.setQueryData(siteAuditKeys.detail(audit.documentId), {
          data: audit,
          meta: undefined,
        });
      }
      void queryClient.invalidateQueries({ queryKey: siteAuditKeys.lists() });
    },
  });
};

export const useCancelCrawl = (documentId: string) => {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<JobView>(`/site-audits/${documentId}/cancel`),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: siteAuditKeys.audit(documentId) });
      void queryClient.invalidateQueries({ queryKey: siteAuditKeys.lists() });
    },
  });
};

/** The audit's open issues as a CSV file, saved under the name the server gives it. */
export const useExportIssues = () => {
  const { get } = useFetchClient();
  return useMutation({
    mutationFn: async (audit: { documentId: string; host: string }) => {
      const response = await get(`/${PLUGIN_ID}/site-audits/${audit.documentId}/issues.csv`, {
        responseType: 'blob',
      });
      saveFile(
        response.data,
        fileNameOf(response.headers?.get('Content-Disposition')) ?? issuesFileName(audit),
      );
    },
  });
};
