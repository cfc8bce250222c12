import type { Core } from '@strapi/strapi';
import type { AiService } from '../services/ai';
import type { AuditLogService } from '../services/audit-log';
import type { BlogWriterService } from '../services/blog-writer';
import type { BoardService } from '../services/board';
import type { CalendarService } from '../services/calendar';
import type { CalendarSchedulerService } from '../services/calendar-scheduler';
import type { CalendarFeedsService } from '../services/calendar-feeds';
import type { CalendarPlannerService } from '../services/calendar-planner';
import type { CalendarReleasesService } from '../services/calendar-releases';
import type { ChatService } from '../services/chat';
import type { ChatIndexService } from '../services/chat-index';
import type { ChatPublicService } from '../services/chat-public';
import type { ChatSearchService } from '../services/chat-search';
import type { DraftsService } from '../services/drafts';
import type { FetcherService } from '../services/fetcher';
import type { GenerationsService } from '../services/generations';
import type { JobsService } from '../services/jobs';
import type { SeoService } from '../services/seo';
import type { SeoToolsService } from '../services/seo-tools';
import type { SettingsService } from '../services/settings';
import type { SiteAuditSchedulesService } from '../services/site-audit-schedules';
import type { SiteAuditsService } from '../services/site-audits';
import type { UsageService } from '../services/usage';
import type { WritersService } from '../services/writers';
import { PLUGIN_ID } from '../../contracts/permissions';

interface Services {
  ai: AiService;
  'audit-log': AuditLogService;
  board: BoardService;
  calendar: CalendarService;
  'calendar-scheduler': CalendarSchedulerService;
  'calendar-feeds': CalendarFeedsService;
  'calendar-planner': CalendarPlannerService;
  'calendar-releases': CalendarReleasesService;
  chat: ChatService;
  'chat-index': ChatIndexService;
  'chat-public': ChatPublicService;
  'chat-search': ChatSearchService;
  'blog-writer': BlogWriterService;
  drafts: DraftsService;
  fetcher: FetcherService;
  generations: GenerationsService;
  jobs: JobsService;
  seo: SeoService;
  'seo-tools': SeoToolsService;
  settings: SettingsService;
  'site-audit-schedules': SiteAuditSchedulesService;
  'site-audits': SiteAuditsService;
  usage: UsageService;
  writers: WritersService;
}

/** Each of the plugin's services, typed by name. */
export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin(PLUGIN_ID).service(name) as Services[K];
