import { checkSeoMeta } from '../../writers/seo-meta';

const good = {
  metaTitle: 'Content calendar: plan posts your team can keep',
  metaDescription:
    'A content calendar keeps your team publishing steadily. Learn how to choose a cadence, plan for several teams and measure what the plan delivers.',
};

describe('the SEO meta writer’s limits', () => {
  it('passes variants that fit a search result', () => {
    expect(checkSeoMeta({ variants: [good, good, good] }, { variants: 3 })).toEqual([]);
  });

  it('names a title too wide in pixels, a description out of range, and a missing variant', () => {
    const violations = checkSeoMeta(
      {
        variants: [
          { ...good, metaTitle: 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW' },
          { ...good, metaDescription: 'Too short.' },
        ],
      },
      { variants: 3 },
    );
    expect(violations.map((violation) => violation.path)).toEqual([
      'variants',
      'variants.0.metaTitle',
      'variants.1.metaDescription',
    ]);
    expect(violations[1]!.message).toMatch(/px wide in a search result; at most 600 px/);
  });
});
