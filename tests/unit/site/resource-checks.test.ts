import { brokenPage, checkOf, fetched, goodArticle, html } from './fixtures';

describe('resource-summary', () => {
  it('counts scripts, stylesheets and images, and says which sizes are not known', () => {
    const result = checkOf(
      fetched(html(), { bytes: 2048, decodedBytes: 10240 }),
      'resource-summary',
    );
    expect(result).toMatchObject({ passed: true, severity: 'notice' });
    expect(result.found).toBe(
      '2 script files (and 0 inline), 2 stylesheets, 3 images. Known weight: the HTML, 2 KB transferred (10 KB decoded); the sizes of the other resources are not known, as they were not fetched.',
    );
  });

  it('counts inline scripts apart, and JSON-LD not at all', () => {
    expect(checkOf(brokenPage(), 'resource-summary').found).toMatch(
      /^1 script file \(and 1 inline\), 3 stylesheets, 2 images\./,
    );
  });
});

describe('render-blocking-resources', () => {
  it('passes deferred and module scripts and one stylesheet for the screen', () => {
    const result = checkOf(goodArticle(), 'render-blocking-resources');
    expect(result).toMatchObject({
      passed: true,
      found: '0 scripts and 1 stylesheet in <head> hold up the first paint.',
    });
    expect(result.items).toEqual(['stylesheet /assets/site.css']);
  });

  it('fails a blocking script in the head, and more than two stylesheets', () => {
    const result = checkOf(brokenPage(), 'render-blocking-resources');
    expect(result).toMatchObject({ passed: false, severity: 'warning' });
    expect(result.items).toEqual([
      'script http://cdn.example.net/tracker.js',
      'stylesheet http://cdn.example.net/base.css',
      'stylesheet /css/theme.css',
      'stylesheet /css/fonts.css',
    ]);
  });

  it('leaves out async scripts, scripts in the body and print stylesheets', () => {
    const page = fetched(
      html({
        head: '<script async src="/a.js"></script><link rel="stylesheet" href="/p.css" media="print"><link rel="alternate stylesheet" href="/dark.css">',
        body: '<main><script src="/late.js"></script></main>',
      }),
    );
    expect(checkOf(page, 'render-blocking-resources').found).toBe(
      '0 scripts and 0 stylesheets in <head> hold up the first paint.',
    );
  });
});
