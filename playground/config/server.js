module.exports = ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    // Local-development defaults only: set APP_KEYS for anything shared.
    keys: env.array('APP_KEYS', ['playgroundKeyA', 'playgroundKeyB']),
  },
  // Strapi's MCP server at /mcp, with the plugin's tools (alwrity_seo_analyze) beside its own.
  mcp: { enabled: env.bool('STRAPI_MCP_ENABLED', true) },
});
