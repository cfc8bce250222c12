import type { Core } from '@strapi/strapi';
import { grantDefaultPermissions } from './utils/default-permissions';
import { CALENDAR_QUEUE } from './calendar/publish-jobs';
import { CHAT_INDEX_QUEUE } from './services/chat-index';
import { SCHEDULE_QUEUE } from './services/site-audit-schedules';
import { getService } from './utils/services';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await grantDefaultPermissions(strapi);
  const jobs = getService(strapi, 'jobs');
  jobs.registerKind(getService(strapi, 'generations').jobKind);
  jobs.registerKind(getService(strapi, 'blog-writer').jobKind);
  jobs.registerKind(getService(strapi, 'seo').runKind);
  jobs.registerKind(getService(strapi, 'site-audits').crawlKind);
  jobs.registerKind(getService(strapi, 'calendar-planner').planJob);
  const chatIndex = getService(strapi, 'chat-index');
  jobs.registerKind(chatIndex.reindexJob);
  jobs.registerProcessor(CHAT_INDEX_QUEUE, chatIndex.processor);
  const { retention } = getService(strapi, 'chat');
  jobs.registerProcessor(retention.queue, retention.processor);
  const recurring = getService(strapi, 'site-audit-schedules');
  jobs.registerProcessor(SCHEDULE_QUEUE, recurring.processor);
  const calendar = getService(strapi, 'calendar-scheduler');
  jobs.registerProcessor(CALENDAR_QUEUE, calendar.processor);
  await jobs.start();
  // Never holds up boot: Redis may be away, and its connection subscribes when it is back.
  chatIndex
    .listen()
    .catch((error: unknown) =>
      strapi.log.error(`[alwrity] Chat index sync not started: ${(error as Error).message}`),
    );
  // Redis away at boot: what is already in it keeps firing; the next boot reconciles.
  for (const [what, reconcile] of [
    ['Recurring audits were', () => recurring.reconcile()],
    ['Scheduled calendar items were', () => calendar.reconcile()],
    ['Chat retention was', () => jobs.schedule(retention.queue, 'daily', retention.repeat, {})],
    ['Entries saved while Redis was away were', () => chatIndex.queueBacklog()],
  ] as const) {
    try {
      await reconcile();
    } catch (error) {
      strapi.log.error(
        `[alwrity] ${what} not reconciled with the queue: ${(error as Error).message}`,
      );
    }
  }
};

export default bootstrap;
