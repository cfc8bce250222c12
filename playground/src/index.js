'use strict';

const { seedPlayground } = require('./seed');

module.exports = {
  register() {},
  async bootstrap({ strapi }) {
    if (process.env.PLAYGROUND_SEED === 'false') return;
    await seedPlayground(strapi);
  },
};
