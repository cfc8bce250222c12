import { z } from 'zod';
import { pageQuery } from './jobs';
import { timeZone } from './time-zone';
import { auditIdParams, siteAuditBody, CRAWL_LIMITS, type CrawlOptions } from './site-audits';

/** Recurring audits (`/alwrity/site-audit-schedules`): what the routes take and answer. */

const cron = z
  .string()
  .trim()
  .min(9)
  .max(100)
  .regex(/^[\w*/,?#-]+( [\w*/,?#-]+){4,5}$/, 'must be a cron pattern of 5 or 6 fields')
  // `H` picks a random time each time it is read: BullMQ reads the pattern anew for every run.
  .refine((pattern) => !/(^|[ ,])H/.test(pattern), 'must name its times: H (hashed) is not taken');

export const scheduleBody = siteAuditBody
  .extend({ cron, timezone: timeZone, enabled: z.boolean().default(true) })
  .strict();
export type ScheduleBody = z.infer<typeof scheduleBody>;

const bounded = (limits: { min: number; max: number }) =>
  z.number().int().min(limits.min).max(limits.max);

export const scheduleUpdate = z
  .object({
    cron: cron.optional(),
    timezone: timeZone.optional(),
    enabled: z.boolean().optional(),
    maxPages: bounded(CRAWL_LIMITS.maxPages).optional(),
    maxDepth: bounded(CRAWL_LIMITS.maxDepth).optional(),
    concurrency: bounded(CRAWL_LIMITS.concurrency).optional(),
    delayMs: bounded(CRAWL_LIMITS.delayMs).optional(),
    keyphrase: z.string().trim().min(1).max(100).nullable().optional(),
  })
  .strict()
  .refine((update) => Object.keys(update).length > 0, 'must change at least one field');
export type ScheduleUpdate = z.infer<typeof scheduleUpdate>;

export const scheduleIdParams = auditIdParams;

export const listSchedulesQuery = z
  .object({ host: z.string().trim().min(1).max(255).optional(), ...pageQuery })
  .strict();
export type ListSchedulesQuery = z.infer<typeof listSchedulesQuery>;

export interface ScheduleView {
  documentId: string;
  url: string;
  host: string;
  scope: 'page' | 'site';
  /** A crawl's settings; a page audit's keyphrase. */
  options: Partial<CrawlOptions>;
  cron: string;
  timezone: string;
  enabled: boolean;
  /** The next time it fires; null while paused. */
  nextRunAt: string | null;
  lastRunAt: string | null;
  lastAuditDocumentId: string | null;
  /** Why the last run could not start (the address refused, the permission gone). */
  lastError: string | null;
  runs: number;
  createdAt: string;
}

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** The repeats the admin form offers, as cron patterns and back. */
export type RepeatPreset =
  | { every: 'day'; hour: number; minute: number }
  | { every: 'week'; weekday: number; hour: number; minute: number }
  | { every: 'month'; day: number; hour: number; minute: number };

export const presetCron = (preset: RepeatPreset): string => {
  const time = `${preset.minute} ${preset.hour}`;
  if (preset.every === 'day') return `${time} * * *`;
  if (preset.every === 'week') return `${time} * * ${preset.weekday}`;
  return `${time} ${preset.day} * *`;
};

const number = (field: string, max: number, min = 0) => {
  if (!/^\d{1,2}$/.test(field)) return null;
  const value = Number(field);
  return value >= min && value <= max ? value : null;
};

/** The preset a pattern was made from, or null for any other pattern (shown as it is). */
export const readPreset = (pattern: string): RepeatPreset | null => {
  const fields = pattern.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [minuteField, hourField, dayField, monthField, weekdayField] = fields as [
    string,
    string,
    string,
    string,
    string,
  ];
  const minute = number(minuteField, 59);
  const hour = number(hourField, 23);
  if (minute === null || hour === null || monthField !== '*') return null;
  if (dayField === '*' && weekdayField === '*') return { every: 'day', hour, minute };
  const weekday = number(weekdayField, 6);
  if (dayField === '*' && weekday !== null) return { every: 'week', weekday, hour, minute };
  const day = number(dayField, 31, 1);
  if (weekdayField === '*' && day !== null) return { every: 'month', day, hour, minute };
  return null;
};
