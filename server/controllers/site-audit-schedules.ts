import type { Core } from '@strapi/strapi';
import { ACTIONS } from '../../contracts/permissions';
import {
  listSchedulesQuery,
  scheduleBody,
  scheduleIdParams,
  scheduleUpdate,
} from '../../contracts/site-audit-schedules';
import { SITE_AUDIT_SCHEDULE_UID } from '../repositories/site-audit-schedules';
import { getService } from '../utils/services';
import { collectionController } from './collection';

/** Recurring audits: read under site-audit.read, changed under site-audit.run. */
const siteAuditSchedulesController = ({ strapi }: { strapi: Core.Strapi }) =>
  collectionController({
    strapi,
    uid: SITE_AUDIT_SCHEDULE_UID,
    read: ACTIONS.siteAuditRead,
    manage: ACTIONS.siteAuditRun,
    service: () => getService(strapi, 'site-audit-schedules'),
    schemas: {
      query: listSchedulesQuery,
      create: scheduleBody,
      update: scheduleUpdate,
      params: scheduleIdParams,
    },
  });

export default siteAuditSchedulesController;
