import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../../contracts/permissions';

/** The Strapi fetch client (admin JWT attached) scoped to the plugin's routes. */
export const useApi = () => {
  const client = useFetchClient();
  const path = (route: string) => `/${PLUGIN_ID}${route}`;
  return {
    get: async <T, M = undefined>(route: string, params?: Record<string, unknown>) =>
      (await client.get<{ data: T; meta: M }>(path(route), params ? { params } : undefined)).data,
    post: async <T>(route: string, body?: unknown) =>
      (await client.post<{ data: T }>(path(route), body ?? {})).data,
    put: async <T>(route: string, body: unknown) =>
      (await client.put<{ data: T }>(path(route), body)).data,
    del: async (route: string) => {
      await client.del(path(route));
    },
  };
};

/** The message Strapi puts in an error response, or the error's own. */
export const errorMessage = (error: unknown): string => {
  const response = (error as { response?: { data?: { error?: { message?: string } } } })?.response;
  return response?.data?.error?.message ?? (error instanceof Error ? error.message : String(error));
};
