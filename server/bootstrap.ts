import type { Core } from '@strapi/strapi';
import { grantDefaultPermissions } from './utils/default-permissions';
import { SCHEDULE_QUEUE } from './services/site-audit-schedules';
import { getService } from './utils/services';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await grantDefaultPermissions(strapi);
  const jobs = getService(strapi, 'jobs');
  jobs.registerKind(getService(strapi, 'generations').jobKind);
  jobs.registerKind(getService(strapi, 'blog-writer').jobKind);
  jobs.registerKind(getService(strapi, 'seo').runKind);
  jobs.registerKind(getService(strapi, 'site-audits').crawlKind);
  const recurring = getService(strapi, 'site-audit-schedules');
  jobs.registerProcessor(SCHEDULE_QUEUE, recurring.processor);
  await jobs.start();
  try {
    await recurring.reconcile();
  } catch (error) {
    // Redis away at boot: the schedules already in it keep firing; the next boot reconciles.
    strapi.log.error(
      `[alwrity] Recurring audits were not reconciled with the queue: ${(error as Error).message}`,
    );
  }
};

export default bootstrap;
