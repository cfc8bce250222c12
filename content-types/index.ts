import generation from './generation';
import seoReport from './seo-report';
import seoRun from './seo-run';
import siteAudit from './site-audit';
import siteAuditPage from './site-audit-page';
import siteAuditSchedule from './site-audit-schedule';
import prediction from './prediction';
import performanceMetric from './performance-metric';
import chatSession from './chat-session';
import chatMessage from './chat-message';
import chatChunk from './chat-chunk';
import calendarItem from './calendar-item';
import calendarFeed from './calendar-feed';
import auditLog from './audit-log';

export default {
  generation: generation,
  'seo-report': seoReport,
  'seo-run': seoRun,
  'site-audit': siteAudit,
  'site-audit-page': siteAuditPage,
  'site-audit-schedule': siteAuditSchedule,
  prediction: prediction,
  'performance-metric': performanceMetric,
  'chat-session': chatSession,
  'chat-message': chatMessage,
  'chat-chunk': chatChunk,
  'calendar-item': calendarItem,
  'calendar-feed': calendarFeed,
  'audit-log': auditLog,
};
