import type { GenerationView } from '../../contracts/generations';
import type { WriterId } from '../utils/writers';
import { useApi } from './useApi';

/**
 * Runs a short writer to its end and answers its output: the SEO tools and dialogs that use a
 * writer's result directly (the run is still kept in the history).
 */
export const useWriterOutput = () => {
  const api = useApi();
  return async <T>(writer: WriterId, input: Record<string, unknown>): Promise<T> =>
    (await api.post<GenerationView>(`/writers/${writer}/generate`, { input })).data.output as T;
};
