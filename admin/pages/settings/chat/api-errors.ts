/** What a failed request says beyond its message: its HTTP status and the fields a 400 names. */

interface ErrorShape {
  status?: unknown;
  response?: {
    status?: unknown;
    data?: { error?: { status?: unknown; details?: { errors?: unknown } } };
  };
}

/** Strapi's fetch client puts the status on the error, its body repeats it: either will do. */
export const statusOf = (error: unknown): number | undefined => {
  const shape = error as ErrorShape | null;
  const status = shape?.status ?? shape?.response?.status ?? shape?.response?.data?.error?.status;
  return typeof status === 'number' ? status : undefined;
};

/**
 * Each field a 400 names (`parseInput` and `invalidField` answer `details.errors[]`), keyed by
 * its dotted name (`types.api::article.article.urlPattern`) with the server's words. A type's
 * uid holds dots itself, so the joined `field` is kept rather than the split `path`.
 */
export const fieldErrorsOf = (error: unknown): Record<string, string> => {
  const details = (error as ErrorShape | null)?.response?.data?.error?.details?.errors;
  const errors: Record<string, string> = {};
  if (!Array.isArray(details)) return errors;
  for (const entry of details as { field?: unknown; path?: unknown; message?: unknown }[]) {
    const field =
      typeof entry?.field === 'string'
        ? entry.field
        : Array.isArray(entry?.path)
          ? entry.path.map(String).join('.')
          : undefined;
    if (!field || typeof entry.message !== 'string') continue;
    errors[field] = errors[field] ? `${errors[field]}; ${entry.message}` : entry.message;
  }
  return errors;
};
