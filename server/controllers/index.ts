import board from './board';
import calendar from './calendar';
import calendarFeeds from './calendar-feeds';
import calendarPlanner from './calendar-planner';
import calendarReleases from './calendar-releases';
import chat from './chat';
import chatSessions from './chat-sessions';
import generations from './generations';
import jobs from './jobs';
import publicAsk from './public-ask';
import seo from './seo';
import seoTools from './seo-tools';
import settings from './settings';
import siteAuditSchedules from './site-audit-schedules';
import siteAudits from './site-audits';
import usage from './usage';
import writers from './writers';

export default {
  board,
  calendar,
  'calendar-feeds': calendarFeeds,
  'calendar-planner': calendarPlanner,
  'calendar-releases': calendarReleases,
  chat,
  'chat-sessions': chatSessions,
  generations,
  jobs,
  'public-ask': publicAsk,
  seo,
  'seo-tools': seoTools,
  settings,
  'site-audit-schedules': siteAuditSchedules,
  'site-audits': siteAudits,
  usage,
  writers,
};
