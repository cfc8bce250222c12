'use strict';

/**
 * A worker-only process: loads the app (database, plugins, Alwrity's BullMQ workers) without
 * opening an HTTP port. Needs Redis (REDIS_URL); run as many as the work needs. Strapi stops
 * it on SIGTERM or SIGINT, and the plugin hands any running job back to the queue.
 */
const { createStrapi } = require('@strapi/strapi');

process.env.ALWRITY_WORKER = 'only';
// The web process seeds the demo data; a worker never writes it.
process.env.PLAYGROUND_SEED = 'false';

createStrapi({ appDir: __dirname, distDir: __dirname })
  .load()
  .then((app) => app.log.info('[alwrity] worker process ready'))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
