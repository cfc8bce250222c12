/**
 * The pages crawled and found, from the last progress event's detail when it has them (the
 * final stage, finding site-wide issues, does not: `live` is then false), else as the audit
 * last stored them.
 */
export const crawlCountOf = (
  detail: Record<string, unknown> | undefined,
  stored: { pagesDone: number; pagesFound: number },
): { done: number; found: number; live: boolean } => {
  const done = detail?.pagesDone;
  const found = detail?.pagesFound;
  return typeof done === 'number' && typeof found === 'number'
    ? { done, found, live: true }
    : { done: stored.pagesDone, found: stored.pagesFound, live: false };
};

/** A whole percentage the progress bar accepts: it treats anything over its maximum as unknown. */
export const percentOf = (value: number) => Math.min(100, Math.max(0, Math.round(value)));
