import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { planRequest } from '../../contracts/calendar-plan';
import { getService } from '../utils/services';
import { parseInput } from '../utils/validate';

const calendarPlannerController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** 200 with the plan, or 202 with the job writing a large one (read it at /jobs/:id). */
  async plan(ctx: Context) {
    const request = parseInput(planRequest, ctx.request.body);
    const answer = await getService(strapi, 'calendar-planner').propose(request, ctx.state.user.id);
    if ('plan' in answer) {
      ctx.body = { data: answer.plan };
    } else {
      ctx.status = 202;
      ctx.body = { data: { documentId: answer.job, status: 'queued' } };
    }
  },
});

export default calendarPlannerController;
