import ai from './ai';
import auditLog from './audit-log';
import blogWriter from './blog-writer';
import board from './board';
import calendar from './calendar';
import calendarScheduler from './calendar-scheduler';
import calendarFeeds from './calendar-feeds';
import calendarPlanner from './calendar-planner';
import calendarReleases from './calendar-releases';
import chat from './chat';
import chatIndex from './chat-index';
import chatPublic from './chat-public';
import chatSearch from './chat-search';
import drafts from './drafts';
import fetcher from './fetcher';
import generations from './generations';
import jobs from './jobs';
import seo from './seo';
import seoTools from './seo-tools';
import settings from './settings';
import siteAuditSchedules from './site-audit-schedules';
import siteAudits from './site-audits';
import usage from './usage';
import writers from './writers';

export default {
  ai,
  'audit-log': auditLog,
  board,
  calendar,
  'calendar-scheduler': calendarScheduler,
  'calendar-feeds': calendarFeeds,
  'calendar-planner': calendarPlanner,
  'calendar-releases': calendarReleases,
  chat,
  'chat-index': chatIndex,
  'chat-public': chatPublic,
  'chat-search': chatSearch,
  'blog-writer': blogWriter,
  drafts,
  fetcher,
  generations,
  jobs,
  seo,
  'seo-tools': seoTools,
  settings,
  'site-audit-schedules': siteAuditSchedules,
  'site-audits': siteAudits,
  usage,
  writers,
};
