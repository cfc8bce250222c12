const { repoRoot } = require('./app-root');

/** ALWRITY_CONFIG (JSON) lets tests and benchmarks set any plugin key without editing this file. */
const jsonConfig = (env) => {
  const raw = env('ALWRITY_CONFIG');
  if (!raw) return {};
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new Error(`ALWRITY_CONFIG is not valid JSON: ${error.message}`);
  }
};

/** ALWRITY_FETCH_ALLOW (comma-separated hosts or CIDRs) opens private addresses to the site analyzer. */
const withFetchAllow = (config, env) => {
  const allow = env.array('ALWRITY_FETCH_ALLOW', []).filter(Boolean);
  if (!allow.length) return config;
  const siteAnalyzer = config.siteAnalyzer ?? {};
  return {
    ...config,
    siteAnalyzer: {
      ...siteAnalyzer,
      allowPrivateAddresses: [...(siteAnalyzer.allowPrivateAddresses ?? []), ...allow],
    },
  };
};

module.exports = ({ env }) => ({
  // Local-development default only: deployments set JWT_SECRET.
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET', 'playground-users-permissions-jwt-secret') },
  },
  alwrity: {
    // ALWRITY_ENABLED=false boots the playground without the plugin (the boot benchmark's baseline).
    enabled: env.bool('ALWRITY_ENABLED', true),
    // The repository root, as an absolute path: Strapi resolves a relative one against its own folder.
    resolve: repoRoot,
    config: {
      ...withFetchAllow(jsonConfig(env), env),
      // Set by worker.js: a worker process stays one whatever the shared config says.
      ...(env('ALWRITY_WORKER') ? { worker: env('ALWRITY_WORKER') } : {}),
    },
  },
});
