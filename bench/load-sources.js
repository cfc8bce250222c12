// The driver and the repository are bundled into dist, and the Redis helpers live with the tests: load both from
// source (esbuild-register comes with @strapi/strapi).
const { register } = require('esbuild-register/dist/node');

const { unregister } = register({ extensions: ['.ts'] });
const { createBullMQDriver } = require('../server/queue/bullmq-driver.ts');
const { generationsRepository } = require('../server/repositories/generations.ts');
const { flushPrefix, REDIS_URL } = require('../tests/helpers/redis.ts');
unregister();

module.exports = { createBullMQDriver, generationsRepository, flushPrefix, REDIS_URL };
