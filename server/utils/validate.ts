import { errors } from '@strapi/utils';
import { z } from 'zod';

const fieldOf = (path: PropertyKey[]) => path.map(String).join('.') || '(body)';

/**
 * Parses request input; bad input becomes a 400 whose message names each field at fault
 * (Strapi's error middleware turns `ValidationError` into a 400).
 */
export const parseInput = <T>(schema: z.ZodType<T>, input: unknown, what = 'body'): T => {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String),
    field: fieldOf(issue.path),
    message: issue.message,
  }));
  throw new errors.ValidationError(
    `Invalid ${what}: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`,
    { errors: issues },
  );
};

const NO_BODY = z.object({}).strict();

/** For routes that take no body: whatever is sent is a mistake worth a 400, not ignored. */
export const assertNoBody = (body: unknown) => {
  parseInput(NO_BODY, body);
};

/** A 400 for one field whose value parsed but cannot be used (an address the fetcher refuses). */
export const invalidField = (field: string, message: string, what = 'body') =>
  new errors.ValidationError(`Invalid ${what}: ${field}: ${message}`, {
    errors: [{ path: field.split('.'), field, message }],
  });
