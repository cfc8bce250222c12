import type { z } from 'zod';
import { PermanentJobError } from './types';

/**
 * A run's stored input, parsed when a worker picks it up: a row written by an older version or
 * edited by hand fails its own job with a clear error, and no other job.
 */
export const parseStoredInput = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new PermanentJobError(
    `The run's stored options no longer fit this writer (${where}${issue?.message ?? 'invalid'}); duplicate it to run it again.`,
  );
};
