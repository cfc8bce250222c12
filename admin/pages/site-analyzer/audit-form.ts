import { CRAWL_LIMITS, type SiteAuditBody } from '../../../contracts/site-audits';
import type { TranslationKey } from '../../utils/translations';

export const LIMIT_FIELDS = ['maxPages', 'maxDepth', 'concurrency', 'delayMs'] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];
/** In the order the form shows them. */
export const FORM_FIELDS = ['url', 'keyphrase', ...LIMIT_FIELDS] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** As long as `siteAuditBody` takes it. */
export const KEYPHRASE_MAX = 100;

export interface AuditForm {
  url: string;
  scope: 'page' | 'site';
  keyphrase: string;
  /** Undefined while a number field is empty. */
  limits: Record<LimitField, number | undefined>;
}

export const INITIAL_FORM: AuditForm = {
  url: '',
  scope: 'page',
  keyphrase: '',
  limits: {
    maxPages: CRAWL_LIMITS.maxPages.default,
    maxDepth: CRAWL_LIMITS.maxDepth.default,
    concurrency: CRAWL_LIMITS.concurrency.default,
    delayMs: CRAWL_LIMITS.delayMs.default,
  },
};

/** An address typed without its scheme (`example.com`) is read as https, as browsers do. */
const withScheme = (url: string) => {
  const trimmed = url.trim();
  return !trimmed || /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
};

/** The request; the limits go only with a crawl, which alone takes them. */
export const bodyOf = (form: AuditForm): SiteAuditBody => ({
  url: withScheme(form.url),
  scope: form.scope,
  ...(form.keyphrase.trim() ? { keyphrase: form.keyphrase.trim() } : {}),
  ...(form.scope === 'site' ? form.limits : {}),
});

export interface Problem {
  key: TranslationKey;
  values?: Record<string, number>;
}

/**
 * What the form can tell before asking: an address is there and the limits are in bounds. Whether
 * the address is valid and may be fetched is the server's to say.
 */
export const problemsOf = (form: AuditForm): Partial<Record<FormField, Problem>> => {
  const problems: Partial<Record<FormField, Problem>> = {};
  if (!form.url.trim()) problems.url = { key: 'site.form.url.required' };
  if (form.scope !== 'site') return problems;
  for (const field of LIMIT_FIELDS) {
    const value = form.limits[field];
    const { min, max } = CRAWL_LIMITS[field];
    if (value === undefined) problems[field] = { key: 'form.error.required' };
    else if (!Number.isInteger(value)) problems[field] = { key: 'site.form.wholeNumber' };
    else if (value < min) problems[field] = { key: 'form.error.minimum', values: { limit: min } };
    else if (value > max) problems[field] = { key: 'form.error.maximum', values: { limit: max } };
  }
  return problems;
};

const isFormField = (field: unknown): field is FormField =>
  (FORM_FIELDS as readonly unknown[]).includes(field);

/**
 * The fields a 400 names (`error.details.errors[].path`, as `parseInput` and `invalidField`
 * answer), each with the server's words; empty when the failure is not about a field.
 */
export const serverErrorsOf = (error: unknown): Partial<Record<FormField, string>> => {
  const details = (
    error as { response?: { data?: { error?: { details?: { errors?: unknown } } } } } | null
  )?.response?.data?.error?.details?.errors;
  const errors: Partial<Record<FormField, string>> = {};
  if (!Array.isArray(details)) return errors;
  for (const entry of details as { path?: unknown; message?: unknown }[]) {
    const field = Array.isArray(entry?.path) ? entry.path[0] : undefined;
    if (isFormField(field) && typeof entry.message === 'string') {
      errors[field] = errors[field] ? `${errors[field]}; ${entry.message}` : entry.message;
    }
  }
  return errors;
};
