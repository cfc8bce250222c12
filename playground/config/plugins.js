const path = require('path');

module.exports = ({ env }) => ({
  // Local-development default only: deployments set JWT_SECRET.
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET', 'playground-users-permissions-jwt-secret') } },
  alwrity: {
    enabled: true,
    // An absolute path: Strapi resolves a relative one against its own folder.
    resolve: path.resolve(__dirname, '..', '..'),
    config: {
      ...(env('ALWRITY_WORKER') ? { worker: env('ALWRITY_WORKER') } : {}),
      ...(env('REDIS_URL') && env('ALWRITY_REDIS_PREFIX')
        ? { redis: { url: env('REDIS_URL'), prefix: env('ALWRITY_REDIS_PREFIX') } }
        : {}),
    },
  },
});
