import type { Core } from '@strapi/strapi';
import {
  createItemBody,
  itemIdParams,
  listItemsQuery,
  updateItemBody,
} from '../../contracts/calendar';
import { ACTIONS } from '../../contracts/permissions';
import { CALENDAR_ITEM_UID } from '../repositories/calendar-items';
import { getService } from '../utils/services';
import { collectionController } from './collection';

/** The content calendar's items, under calendar.read and calendar.manage. */
const calendarController = ({ strapi }: { strapi: Core.Strapi }) =>
  collectionController({
    strapi,
    uid: CALENDAR_ITEM_UID,
    read: ACTIONS.calendarRead,
    manage: ACTIONS.calendarManage,
    service: () => getService(strapi, 'calendar'),
    schemas: {
      query: listItemsQuery,
      create: createItemBody,
      update: updateItemBody,
      params: itemIdParams,
    },
  });

export default calendarController;
