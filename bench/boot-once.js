/** One Strapi boot in a fresh process: prints the milliseconds `load()` took. */
const path = require('node:path');
const playground = path.resolve(__dirname, '..', 'playground');
process.chdir(playground);
const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [playground] }));

(async () => {
  const started = performance.now();
  const strapi = createStrapi({ appDir: playground, distDir: playground });
  strapi.log.level = 'error';
  await strapi.load();
  const ms = performance.now() - started;
  await strapi.destroy();
  process.stdout.write(`${JSON.stringify({ ms })}\n`);
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
