const { existsSync, statSync, readdirSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce(
      (max, entry) =>
        Math.max(max, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs),
      0,
    );

/** Integration tests boot what Strapi really loads, the built plugin: refuse a missing or stale build. */
module.exports = async () => {
  const built = path.join(root, 'dist', 'server', 'index.js');
  if (!existsSync(built)) {
    throw new Error('dist/server/index.js is missing: run `npm run build` first (npm test does).');
  }
  const sources = Math.max(
    ...['server', 'content-types', 'contracts', 'writers', 'analysis'].map((dir) =>
      newest(path.join(root, dir)),
    ),
  );
  if (sources > statSync(built).mtimeMs) {
    throw new Error(
      'The plugin build is older than its sources: run `npm run build` first (npm test does).',
    );
  }
};
