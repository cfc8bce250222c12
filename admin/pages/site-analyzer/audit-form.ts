import { presetCron, type ScheduleBody } from '../../../contracts/site-audit-schedules';
import { CRAWL_LIMITS, type SiteAuditBody } from '../../../contracts/site-audits';
import type { TranslationKey } from '../../utils/translations';

export const LIMIT_FIELDS = ['maxPages', 'maxDepth', 'concurrency', 'delayMs'] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];
/** In the order the form shows them. */
export const FORM_FIELDS = ['url', 'keyphrase', ...LIMIT_FIELDS, 'repeat', 'day', 'time'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** As long as `siteAuditBody` takes it. */
export const KEYPHRASE_MAX = 100;

export interface AuditForm {
  url: string;
  scope: 'page' | 'site';
  keyphrase: string;
  /** Undefined while a number field is empty. */
  limits: Record<LimitField, number | undefined>;
  /** `once`: audit now; otherwise a recurring audit, at `time` in the browser's time zone. */
  repeat: 'once' | 'day' | 'week' | 'month';
  time: string;
  weekday: number;
  day: number | undefined;
}

export const REPEATS = ['once', 'day', 'week', 'month'] as const;
/** Days every month has: a later one would skip the short months. */
export const LAST_MONTH_DAY = 28;

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
  repeat: 'once',
  time: '06:00',
  weekday: 1,
  day: 1,
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

/** The recurring audit the form describes, timed in `timezone`. */
export const scheduleBodyOf = (form: AuditForm, timezone: string): ScheduleBody => {
  const [hour = 0, minute = 0] = form.time.split(':').map(Number);
  const time = { hour, minute };
  const cron =
    form.repeat === 'week'
      ? presetCron({ every: 'week', weekday: form.weekday, ...time })
      : form.repeat === 'month'
        ? presetCron({ every: 'month', day: form.day ?? 1, ...time })
        : presetCron({ every: 'day', ...time });
  return { ...bodyOf(form), cron, timezone, enabled: true };
};

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
  if (form.repeat !== 'once' && !/^\d{2}:\d{2}$/.test(form.time)) {
    problems.time = { key: 'site.form.time.required' };
  }
  if (form.repeat === 'month') {
    const { day } = form;
    if (day === undefined) problems.day = { key: 'form.error.required' };
    else if (!Number.isInteger(day) || day < 1 || day > LAST_MONTH_DAY) {
      problems.day = { key: 'site.form.day.range', values: { max: LAST_MONTH_DAY } };
    }
  }
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
    const named = Array.isArray(entry?.path) ? entry.path[0] : undefined;
    // The form builds the pattern and the zone from its repeat choice.
    const field = named === 'cron' || named === 'timezone' ? 'repeat' : named;
    if (isFormField(field) && typeof entry.message === 'string') {
      errors[field] = errors[field] ? `${errors[field]}; ${entry.message}` : entry.message;
    }
  }
  return errors;
};
