import type { Core } from '@strapi/strapi';
import type { PlanRequest, PlanResult } from '../../contracts/calendar-plan';
import { planRequest } from '../../contracts/calendar-plan';
import type { CallGate } from '../ai/call-slots';
import { assemblePlan, modelPlanSchema, planMessages, planSlots } from '../calendar/plan';
import type { JobKind, JobPayload } from '../queue/job-kind';
import { generationsRepository } from '../repositories/generations';
import { seoReportsRepository } from '../repositories/seo-reports';
import { CALENDAR_ITEM_UID } from '../repositories/calendar-items';
import { parseStoredInput } from '../queue/stored-input';
import { getService } from '../utils/services';
import { invalidField } from '../utils/validate';
import { isPermanentAiError } from './generations';

export const PLAN_JOB = 'calendar-plan';
/** Plans up to this many items are answered at once; larger ones run as a job. */
export const INLINE_PLAN_ITEMS = 30;

/**
 * The AI content planner: dated items proposed from topics, keyphrases and a cadence. Nothing is
 * saved to the calendar here: the editor accepts all, some, or edits them first.
 */
const calendarPlannerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const generations = generationsRepository(strapi);

  /** Keyphrases already targeted: by entries (their SEO reports) and by planned items. */
  const usedKeyphrases = async () => {
    const [reports, items] = await Promise.all([
      seoReportsRepository(strapi).keyphrases(),
      strapi.db.query(CALENDAR_ITEM_UID as never).findMany({
        where: { focusKeyphrase: { $notNull: true } },
        select: ['focusKeyphrase'],
      }) as Promise<{ focusKeyphrase: string }[]>,
    ]);
    return [
      ...reports.map((report) => report.keyphrase),
      ...items.map((item) => item.focusKeyphrase),
    ];
  };

  const draft = async (
    request: PlanRequest,
    userId: number | null,
    call: { subjectDocumentId?: string; signal?: AbortSignal; gate?: CallGate } = {},
  ): Promise<PlanResult> => {
    const slots = planSlots(request);
    const used = await usedKeyphrases();
    const { system, user } = planMessages(request, used, slots.length);
    const client = await getService(strapi, 'ai').client();
    const result = await client.generateObject(
      {
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
        schema: modelPlanSchema,
        schemaName: 'content_plan',
      },
      { feature: 'calendar', userId, ...call },
    );
    return assemblePlan(request, slots, result.object.items, used);
  };

  const planJob: JobKind<JobPayload> = {
    name: PLAN_JOB,
    store: generations,
    documentKinds: ['calendar-plan'],
    async run({ id, userId, signal, gate, progress }) {
      const request = parseStoredInput(planRequest, (await generations.find(id))?.input);
      await progress({ percent: 10, stage: 'Planning' });
      return { output: await draft(request, userId, { subjectDocumentId: id, signal, gate }) };
    },
    isPermanent: isPermanentAiError,
  };

  return {
    planJob,

    /** A plan now, or (a large one) the id of the job writing it. */
    async propose(
      request: PlanRequest,
      userId: number,
      now = new Date(),
    ): Promise<{ plan: PlanResult } | { job: string }> {
      const slots = planSlots(request);
      if (slots[0]!.at <= now) throw invalidField('start', 'must not be in the past');
      await getService(strapi, 'ai').ensureCanCall(userId);
      if (slots.length <= INLINE_PLAN_ITEMS) return { plan: await draft(request, userId) };
      const generation = await getService(strapi, 'generations').createQueued(PLAN_JOB, userId, {
        kind: 'calendar-plan',
        title: `Plan: ${request.topics.join(', ')}`.slice(0, 200),
        input: request,
      });
      return { job: generation.documentId };
    },
  };
};

export default calendarPlannerService;
export type CalendarPlannerService = ReturnType<typeof calendarPlannerService>;
