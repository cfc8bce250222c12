import { ACTIONS, PLUGIN_ID, type ActionName } from '../../contracts/permissions';
import { requires } from './policies';

/** A collection's list (under `read`) and its create, update and delete (under `manage`). */
const collectionRoutes = (
  path: string,
  controller: string,
  read: ActionName,
  manage: ActionName,
) => [
  { method: 'GET', path, handler: `${controller}.find`, config: requires(read) },
  ...(
    [
      ['POST', '', 'create'],
      ['PUT', '/:documentId', 'update'],
      ['DELETE', '/:documentId', 'delete'],
    ] as const
  ).map(([method, suffix, handler]) => ({
    method,
    path: `${path}${suffix}`,
    handler: `${controller}.${handler}`,
    config: requires(manage),
  })),
];

export default {
  type: 'admin' as const,
  routes: [
    {
      method: 'GET',
      path: '/settings',
      handler: 'settings.find',
      config: requires(ACTIONS.settingsRead),
    },
    {
      method: 'PUT',
      path: '/settings',
      handler: 'settings.update',
      config: requires(ACTIONS.settingsUpdate),
    },
    {
      method: 'POST',
      path: '/settings/test-connection',
      handler: 'settings.testConnection',
      config: requires(ACTIONS.settingsUpdate),
    },
    { method: 'GET', path: '/jobs', handler: 'jobs.find', config: requires(ACTIONS.jobsRead) },
    {
      method: 'GET',
      path: '/jobs/:id',
      handler: 'jobs.findOne',
      config: requires(ACTIONS.jobsRead),
    },
    {
      method: 'GET',
      path: '/jobs/:id/events',
      handler: 'jobs.events',
      config: requires(ACTIONS.jobsRead),
    },
    {
      method: 'POST',
      path: '/jobs/:id/cancel',
      handler: 'jobs.cancel',
      config: requires(ACTIONS.jobsManage),
    },
    {
      method: 'POST',
      path: '/jobs/:id/retry',
      handler: 'jobs.retry',
      config: requires(ACTIONS.jobsManage),
    },
    {
      method: 'POST',
      path: '/board/session',
      handler: 'board.session',
      config: requires(ACTIONS.jobsRead),
    },
    // The board's own page and API: authorized by the board session cookie, not a bearer token.
    ...['/board', '/board/(.*)'].map((path) => ({
      method: 'GET',
      path,
      handler: 'board.serve',
      config: { auth: false, middlewares: [`plugin::${PLUGIN_ID}.plugin-errors`] },
    })),
    {
      method: 'GET',
      path: '/writers',
      handler: 'writers.find',
      config: requires(ACTIONS.writerUse),
    },
    {
      method: 'POST',
      path: '/writers/:writer/generate',
      handler: 'writers.generate',
      config: requires(ACTIONS.writerUse),
    },
    {
      method: 'POST',
      path: '/rewrite',
      handler: 'writers.rewrite',
      config: requires(ACTIONS.writerUse),
    },
    {
      method: 'GET',
      path: '/generations',
      handler: 'generations.find',
      config: requires(ACTIONS.generationsRead),
    },
    {
      method: 'GET',
      path: '/generations/:documentId',
      handler: 'generations.findOne',
      config: requires(ACTIONS.generationsRead),
    },
    {
      method: 'POST',
      path: '/generations',
      handler: 'generations.create',
      config: requires(ACTIONS.writerUse),
    },
    {
      method: 'GET',
      path: '/generations/:documentId/events',
      handler: 'generations.events',
      config: requires(ACTIONS.generationsRead),
    },
    {
      method: 'POST',
      path: '/generations/:documentId/cancel',
      handler: 'generations.cancel',
      config: requires(ACTIONS.writerUse),
    },
    {
      method: 'POST',
      path: '/generations/:documentId/continue',
      handler: 'generations.continue',
      config: requires(ACTIONS.writerUse),
    },
    {
      method: 'POST',
      path: '/generations/:documentId/sections/:index/regenerate',
      handler: 'generations.regenerateSection',
      config: requires(ACTIONS.writerUse),
    },
    // The content manager's own create permission is checked on the chosen type as well.
    {
      method: 'POST',
      path: '/generations/:documentId/save',
      handler: 'generations.save',
      config: requires(ACTIONS.writerUse),
    },
    {
      method: 'GET',
      path: '/usage/me',
      handler: 'usage.me',
      config: requires(ACTIONS.writerUse),
    },
    {
      method: 'GET',
      path: '/save-targets',
      handler: 'generations.saveTargets',
      config: requires(ACTIONS.writerUse),
    },
    {
      method: 'POST',
      path: '/seo/analyze',
      handler: 'seo.analyze',
      config: requires(ACTIONS.seoUse),
    },
    { method: 'GET', path: '/seo/types', handler: 'seo.types', config: requires(ACTIONS.seoUse) },
    {
      method: 'PUT',
      path: '/seo/types/:uid',
      handler: 'seo-tools.setType',
      config: requires(ACTIONS.settingsUpdate),
    },
    // Both read only the entries the content manager lets the user read.
    {
      method: 'GET',
      path: '/seo/overview',
      handler: 'seo.overview',
      config: requires(ACTIONS.seoUse),
    },
    {
      method: 'POST',
      path: '/seo/reanalyze',
      handler: 'seo.reanalyze',
      config: requires(ACTIONS.seoUse),
    },
    // The content manager's read permission on the entry is checked as well (404 without it).
    {
      method: 'GET',
      path: '/seo/reports/:uid/:entryId',
      handler: 'seo.report',
      config: requires(ACTIONS.seoUse),
    },
    {
      method: 'PUT',
      path: '/seo/reports/:uid/:entryId',
      handler: 'seo.focus',
      config: requires(ACTIONS.seoUse),
    },
    // The SEO tools; one given an entry needs the content manager's read permission on it.
    ...(
      [
        ['keywords', 'keywords'],
        ['content-gap', 'contentGap'],
        ['structured-data', 'structuredData'],
        ['alt-text', 'altText'],
      ] as const
    ).map(([path, handler]) => ({
      method: 'POST',
      path: `/seo/tools/${path}`,
      handler: `seo-tools.${handler}`,
      config: requires(ACTIONS.seoUse),
    })),
    // The site analyzer: an audit's every read reaches only what site-audit.read's conditions allow.
    {
      method: 'POST',
      path: '/site-audits',
      handler: 'site-audits.create',
      config: requires(ACTIONS.siteAuditRun),
    },
    ...(
      [
        ['', 'find'],
        ['/:documentId', 'findOne'],
        ['/:documentId/pages', 'pages'],
        ['/:documentId/compare/:otherDocumentId', 'compare'],
        ['/:documentId/issues.csv', 'issuesCsv'],
        ['/:documentId/events', 'events'],
      ] as const
    ).map(([path, handler]) => ({
      method: 'GET',
      path: `/site-audits${path}`,
      handler: `site-audits.${handler}`,
      config: requires(ACTIONS.siteAuditRead),
    })),
    {
      method: 'POST',
      path: '/site-audits/:documentId/cancel',
      handler: 'site-audits.cancel',
      config: requires(ACTIONS.siteAuditRun),
    },
    // The content calendar.
    ...collectionRoutes(
      '/calendar/items',
      'calendar',
      ACTIONS.calendarRead,
      ACTIONS.calendarManage,
    ),
    {
      method: 'GET',
      path: '/calendar/releases',
      handler: 'calendar-releases.find',
      config: requires(ACTIONS.calendarRead),
    },
    {
      method: 'POST',
      path: '/calendar/plan',
      handler: 'calendar-planner.plan',
      config: requires(ACTIONS.calendarManage),
    },
    {
      method: 'GET',
      path: '/calendar/items.ics',
      handler: 'calendar-feeds.export',
      config: requires(ACTIONS.calendarRead),
    },
    ...(
      [
        ['GET', 'token'],
        ['POST', 'createToken'],
        ['DELETE', 'revokeToken'],
      ] as const
    ).map(([method, handler]) => ({
      method,
      path: '/calendar/feed-token',
      handler: `calendar-feeds.${handler}`,
      config: requires(ACTIONS.calendarRead),
    })),
    // Calendar apps subscribe with the token in the address: it is the feed's only credential.
    {
      method: 'GET',
      path: '/calendar/feed.ics',
      handler: 'calendar-feeds.feed',
      config: { auth: false, middlewares: [`plugin::${PLUGIN_ID}.plugin-errors`] },
    },
    // The content chatbot.
    {
      method: 'POST',
      path: '/chat/search',
      handler: 'chat.search',
      config: requires(ACTIONS.chatUse),
    },
    {
      method: 'GET',
      path: '/chat/index',
      handler: 'chat.index',
      config: requires(ACTIONS.chatUse),
    },
    {
      method: 'PUT',
      path: '/chat/index',
      handler: 'chat.updateIndex',
      config: requires(ACTIONS.settingsUpdate),
    },
    {
      method: 'POST',
      path: '/chat/index/rebuild',
      handler: 'chat.rebuild',
      config: requires(ACTIONS.settingsUpdate),
    },
    {
      method: 'GET',
      path: '/chat/public',
      handler: 'chat.publicSettings',
      config: requires(ACTIONS.settingsRead),
    },
    {
      method: 'PUT',
      path: '/chat/public',
      handler: 'chat.updatePublicSettings',
      config: requires(ACTIONS.settingsUpdate),
    },
    ...collectionRoutes('/chat/sessions', 'chat-sessions', ACTIONS.chatUse, ACTIONS.chatUse),
    {
      method: 'GET',
      path: '/chat/sessions/:documentId',
      handler: 'chat-sessions.findOne',
      config: requires(ACTIONS.chatUse),
    },
    {
      method: 'POST',
      path: '/chat/sessions/:documentId/messages',
      handler: 'chat-sessions.send',
      config: requires(ACTIONS.chatUse),
    },
    ...(['confirm', 'discard'] as const).map((action) => ({
      method: 'POST',
      path: `/chat/proposals/:id/${action}`,
      handler: `chat-sessions.${action}`,
      config: requires(ACTIONS.chatUse),
    })),
    // Recurring audits: a prefix of their own, so no path is taken for an audit's documentId.
    ...collectionRoutes(
      '/site-audit-schedules',
      'site-audit-schedules',
      ACTIONS.siteAuditRead,
      ACTIONS.siteAuditRun,
    ),
  ],
};
