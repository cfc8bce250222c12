/**
 * Why a URL was not fetched. `rule` names the safeguard that said no, so the user (and the
 * tests) can tell a private address from a redirect loop or an oversized page.
 */
export type RefusalRule =
  | 'scheme'
  | 'credentials'
  | 'invalid-url'
  | 'address'
  | 'dns'
  | 'redirects'
  | 'body-size'
  | 'timeout'
  | 'network';

export class FetchRefusedError extends Error {
  readonly rule: RefusalRule;
  readonly url: string;

  constructor(rule: RefusalRule, url: string, detail: string) {
    super(`${url} was not fetched: ${detail}`);
    this.name = 'FetchRefusedError';
    this.rule = rule;
    this.url = url;
  }
}

export const isFetchRefused = (error: unknown): error is FetchRefusedError =>
  error instanceof FetchRefusedError;
