import { fail, inGroup, kilobytes, pass, plural } from './check';

/** Two stylesheets in the head are normal (the site's and a font's); more delay the first paint. */
export const BLOCKING_STYLESHEETS_MAX = 2;

export const resourceChecks = inGroup('resources', [
  {
    id: 'resource-summary',
    severity: 'notice',
    run(get, { page }) {
      const scripts = get('scripts');
      const files = scripts.filter((script) => script.src).length;
      const stylesheets = get('stylesheets').length;
      const images = get('dom').byTag('img').length;
      // Resources are not fetched by the crawl, so the HTML is the only size known.
      return pass(
        `${plural(files, 'script file')} (and ${scripts.length - files} inline), ${plural(stylesheets, 'stylesheet')}, ${plural(images, 'image')}. Known weight: the HTML, ${kilobytes(page.bytes)} transferred (${kilobytes(page.decodedBytes)} decoded); the sizes of the other resources are not known, as they were not fetched.`,
      );
    },
  },
  {
    id: 'render-blocking-resources',
    severity: 'warning',
    run(get) {
      const scripts = get('scripts')
        .filter((script) => !script.inBody && script.src && !script.deferred)
        .map((script) => `script ${script.src}`);
      const stylesheets = get('stylesheets')
        .filter((sheet) => !sheet.inBody && sheet.blocking)
        .map((sheet) => `stylesheet ${sheet.href ?? ''}`.trim());
      const found = `${plural(scripts.length, 'script')} and ${plural(stylesheets.length, 'stylesheet')} in <head> hold up the first paint.`;
      return scripts.length || stylesheets.length > BLOCKING_STYLESHEETS_MAX
        ? fail(
            found,
            `Add defer (or async) to the head's scripts, and keep to ${BLOCKING_STYLESHEETS_MAX} stylesheets there: inline the critical CSS, load the rest later.`,
            { items: [...scripts, ...stylesheets] },
          )
        : pass(found, stylesheets);
    },
  },
]);
