import { isJsonObject } from '../../utils/json-schema';

/** The calendar item "Write it now" came from, carried in router state. */
export const calendarItemOf = (state: unknown): string | undefined => {
  const item = isJsonObject(state) ? state.calendarItem : undefined;
  return typeof item === 'string' ? item : undefined;
};
