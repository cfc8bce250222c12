import type { Core } from '@strapi/strapi';
import { getService } from './utils/services';

/** Workers finish or hand back their current job; no connection is left open. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  getService(strapi, 'seo').stop();
  await getService(strapi, 'jobs').stop();
  await getService(strapi, 'fetcher').stop();
  await getService(strapi, 'board').close();
};

export default destroy;
