export { auditPage, CHECKS } from './audit-page';
export { normalizeUrl, sameSite } from './normalize-url';
export { parseSitemap } from './sitemap';
export { siteFindings } from './site-findings';
export { ERROR_STATUS_CAP, PENALTY, scoreOf } from './score';
export * from './types';
