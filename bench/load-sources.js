// The driver is bundled into dist, and the Redis helpers live with the tests: load both from
// source (esbuild-register comes with @strapi/strapi).
const { register } = require('esbuild-register/dist/node');

const { unregister } = register({ extensions: ['.ts'] });
const { createBullMQDriver } = require('../server/queue/bullmq-driver.ts');
const { flushPrefix, REDIS_URL } = require('../tests/helpers/redis.ts');
unregister();

module.exports = { createBullMQDriver, flushPrefix, REDIS_URL };
