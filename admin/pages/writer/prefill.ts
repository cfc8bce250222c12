import { isJsonObject } from '../../utils/json-schema';
import { isWriterId, type WriterId } from '../../utils/writers';

/** What another page may hand the writer through router state: a writer and its input. */
export interface Prefill {
  writer: WriterId;
  input: unknown;
}

export const prefillFromState = (state: unknown): Prefill | undefined => {
  const prefill = isJsonObject(state) ? state.prefill : undefined;
  if (!isJsonObject(prefill) || typeof prefill.writer !== 'string') return undefined;
  return isWriterId(prefill.writer) ? { writer: prefill.writer, input: prefill.input } : undefined;
};
