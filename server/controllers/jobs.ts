import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  TERMINAL_STATUSES,
  jobIdParams,
  listJobsQuery,
  type JobsListMeta,
} from '../../contracts/jobs';
import { ACTIONS, type ActionName } from '../../contracts/permissions';
import { GENERATION_UID } from '../repositories/generations';
import { scopeOf, type Scope } from '../utils/permission-scope';
import { getService } from '../utils/services';
import type { JobEvent } from '../queue/types';
import { openEventStream } from '../utils/sse';
import { assertNoBody, parseInput } from '../utils/validate';

/**
 * Server-sent events: a `job` snapshot first, `progress` as it comes (from any instance, through
 * QueueEvents), a fresh `job` snapshot on each state change; ends when the job finishes.
 */
export const streamJobEvents = async (
  strapi: Core.Strapi,
  ctx: Context,
  id: string,
  scope: Scope,
) => {
  const jobs = getService(strapi, 'jobs');
  const first = await jobs.get(id, scope);
  if (TERMINAL_STATUSES.includes(first.status)) {
    const stream = openEventStream(ctx);
    stream.send('job', first);
    return stream.close();
  }

  // Subscribed before the stream opens, so an unreachable queue still answers 503.
  let forward: (event: JobEvent) => void = () => {};
  const unsubscribe = await jobs.subscribe(id, (event) => forward(event), scope);
  const stream = openEventStream(ctx);
  void stream.closed.then(unsubscribe);
  stream.send('job', first);
  const sendSnapshot = async () => {
    const job = await jobs.get(id);
    stream.send('job', job);
    if (TERMINAL_STATUSES.includes(job.status)) stream.close();
  };
  forward = (event) => {
    if (event.type === 'progress') stream.send('progress', event.progress);
    else void sendSnapshot().catch(() => stream.close());
  };
  // The state may have moved on between the first read and the subscription.
  await sendSnapshot();
};

/**
 * The Jobs page honours the role conditions on the jobs actions too. Every job document carries
 * `createdBy`, so the conditions Strapi offers ("Is creator", "Has same role as creator") mean
 * the same for each content type; they are read for the generation model.
 */
const jobsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = () => getService(strapi, 'jobs');
  const idOf = (ctx: Context) => parseInput(jobIdParams, ctx.params, 'job id').id;
  const scope = (ctx: Context, action: ActionName) => scopeOf(strapi, ctx, action, GENERATION_UID);

  return {
    async find(ctx: Context) {
      const { results, pagination } = await jobs().list(
        parseInput(listJobsQuery, ctx.query, 'query'),
        scope(ctx, ACTIONS.jobsRead),
      );
      const meta: JobsListMeta = { pagination, queue: { driver: jobs().driverKind() } };
      ctx.body = { data: results, meta };
    },
    async findOne(ctx: Context) {
      ctx.body = { data: await jobs().get(idOf(ctx), scope(ctx, ACTIONS.jobsRead)) };
    },
    async cancel(ctx: Context) {
      assertNoBody(ctx.request.body);
      ctx.body = { data: await jobs().cancel(idOf(ctx), scope(ctx, ACTIONS.jobsManage)) };
    },
    async retry(ctx: Context) {
      assertNoBody(ctx.request.body);
      ctx.body = { data: await jobs().retry(idOf(ctx), scope(ctx, ACTIONS.jobsManage)) };
    },

    /** Server-sent events of one job, until it finishes (see `streamJobEvents`). */
    async events(ctx: Context) {
      await streamJobEvents(strapi, ctx, idOf(ctx), scope(ctx, ACTIONS.jobsRead));
    },
  };
};

export default jobsController;
