'use strict';

const { logPublishes } = require('./publish-log');
const { seedPlayground } = require('./seed');

module.exports = {
  register({ strapi }) {
    if (process.env.PLAYGROUND_PUBLISH_LOG) {
      logPublishes(strapi, process.env.PLAYGROUND_PUBLISH_LOG);
    }
  },
  async bootstrap({ strapi }) {
    if (process.env.PLAYGROUND_SEED === 'false') return;
    await seedPlayground(strapi);
  },
};
