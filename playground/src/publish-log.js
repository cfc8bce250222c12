'use strict';

const { appendFileSync } = require('node:fs');

/**
 * For tests that count publishes across processes: with PLAYGROUND_PUBLISH_LOG set, every
 * publish and unpublish the Document Service completes appends one JSON line to that file.
 * Lines this short are written whole even when several processes append at once.
 */
const logPublishes = (strapi, file) => {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.action === 'publish' || context.action === 'unpublish') {
      const line = {
        action: context.action,
        uid: context.uid,
        documentId: context.params.documentId,
        locale: context.params.locale ?? null,
        pid: process.pid,
        at: Date.now(),
      };
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    }
    return result;
  });
};

module.exports = { logPublishes };
