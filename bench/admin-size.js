/**
 * Budget: the admin's first load grows by at most 10 KB gzip over the plugin as it was before the
 * SEO issue (the SEO panel's content and the pages load lazily). Measures what the admin loads
 * eagerly: the plugin's admin entry and every module it imports statically, not those behind a
 * dynamic `import()`.
 */
const { readFileSync, existsSync } = require('node:fs');
const path = require('node:path');
const { gzipSync } = require('node:zlib');

/** `dist/admin` of 9f6cf90, the last commit before the SEO issue, built by `npm run build`. */
const BASELINE = { commit: '9f6cf90', bytes: 10_381 };
const BUDGET_GROWTH = 10 * 1024;
const STATIC_IMPORT = /(?:^|[;\n])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.[^"']+)["']/g;

/** Gzip bytes of a module and everything it imports statically, each file counted once. */
const eagerGzip = (entry) => {
  const seen = new Set();
  let bytes = 0;
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    bytes += gzipSync(code, { level: 9 }).length;
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) {
      visit(path.resolve(path.dirname(file), spec));
    }
  };
  visit(entry);
  return { bytes, files: seen.size };
};

module.exports = async function adminSizeBench() {
  const entry = path.join(__dirname, '..', 'dist', 'admin', 'index.mjs');
  if (!existsSync(entry)) throw new Error('No dist/admin: run `npm run build` first.');
  const { bytes, files } = eagerGzip(entry);
  const growth = bytes - BASELINE.bytes;
  const ok = growth <= BUDGET_GROWTH;
  console.log(
    `admin first load: ${(bytes / 1024).toFixed(1)} KB gzip in ${files} files, ${growth >= 0 ? '+' : ''}${(growth / 1024).toFixed(2)} KB over ${(BASELINE.bytes / 1024).toFixed(1)} KB at ${BASELINE.commit} (budget +10 KB) ${ok ? 'OK' : 'OVER BUDGET'}`,
  );
  return { name: 'admin-size', ok };
};
