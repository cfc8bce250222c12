import { QueryClient } from '@tanstack/react-query';

/** One client for the plugin's pages; the admin's own data layer is separate. */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } },
});
