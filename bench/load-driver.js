// The driver is bundled into dist; load it from source (esbuild-register comes with @strapi/strapi).
const { register } = require('esbuild-register/dist/node');

const { unregister } = register({ extensions: ['.ts'] });
const { createBullMQDriver } = require('../server/queue/bullmq-driver.ts');
unregister();

module.exports = { createBullMQDriver };
