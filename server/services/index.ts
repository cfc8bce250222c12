import ai from './ai';
import auditLog from './audit-log';
import blogWriter from './blog-writer';
import board from './board';
import drafts from './drafts';
import generations from './generations';
import jobs from './jobs';
import seo from './seo';
import seoTools from './seo-tools';
import settings from './settings';
import usage from './usage';
import writers from './writers';

export default {
  ai,
  'audit-log': auditLog,
  board,
  'blog-writer': blogWriter,
  drafts,
  generations,
  jobs,
  seo,
  'seo-tools': seoTools,
  settings,
  usage,
  writers,
};
