import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from './useApi';

type Api = ReturnType<typeof useApi>;

/** A change to a list's rows: once it settles, succeeded or not, the list under `key` reloads. */
export const useListMutation = <A, R>(
  key: readonly unknown[],
  run: (api: Api, args: A) => Promise<R>,
) => {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: A) => run(api, args),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
};
