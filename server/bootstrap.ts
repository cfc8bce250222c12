import type { Core } from '@strapi/strapi';
import { grantDefaultPermissions } from './utils/default-permissions';
import { getService } from './utils/services';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await grantDefaultPermissions(strapi);
  const jobs = getService(strapi, 'jobs');
  jobs.registerKind(getService(strapi, 'generations').jobKind);
  jobs.registerKind(getService(strapi, 'blog-writer').jobKind);
  jobs.registerKind(getService(strapi, 'seo').runKind);
  jobs.registerKind(getService(strapi, 'site-audits').crawlKind);
  await jobs.start();
};

export default bootstrap;
