import { z } from 'zod';
import { CHANNELS } from './calendar';
import { reportLocale } from './seo';
import { timeZone } from './time-zone';

/** The AI content planner (`POST /alwrity/calendar/plan`): what it takes and answers. */

export type Channel = (typeof CHANNELS)[number];

/** One model call writes the whole plan, so its size is bounded as well as its weeks. */
export const MAX_PLAN_ITEMS = 120;

export const planRequest = z
  .object({
    /** The pillars or topics the plan spreads over. */
    topics: z.array(z.string().trim().min(1).max(200)).min(1).max(20),
    /** The keyphrases the plan should target. */
    keyphrases: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    perWeek: z.number().int().min(1).max(14),
    weeks: z.number().int().min(1).max(26),
    channels: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length).default(['blog']),
    audience: z.string().trim().max(500).optional(),
    /** The plan's first day, on the editor's calendar. */
    start: z.iso.date('must be a date like 2027-03-22'),
    /** The time of day each item is dated at, on the editor's clock. */
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day like 09:00')
      .default('09:00'),
    timezone: timeZone,
    /** The language the plan is written in. */
    locale: reportLocale.optional(),
  })
  .strict()
  .refine((request) => request.perWeek * request.weeks <= MAX_PLAN_ITEMS, {
    path: ['weeks'],
    message: `perWeek × weeks must be at most ${MAX_PLAN_ITEMS} items: plan fewer weeks or fewer items a week`,
  });
export type PlanRequest = z.infer<typeof planRequest>;

export interface PlannedItem {
  title: string;
  brief: string;
  focusKeyphrase: string | null;
  channel: Channel;
  /** The same instant twice: on the editor's clock (`YYYY-MM-DDTHH:mm`) and in UTC (ISO). */
  publishAtLocal: string;
  publishAt: string;
  timezone: string;
  /** What the planner changed in the model's proposal, such as a keyphrase it dropped. */
  note: string | null;
}

export interface PlanResult {
  items: PlannedItem[];
  /** The keyphrases the model proposed that were already taken, once each. */
  skippedKeyphrases: string[];
}
