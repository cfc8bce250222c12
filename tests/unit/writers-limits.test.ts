import {
  atMostChars,
  charCount,
  charsBetween,
  countBetween,
  describeViolations,
  isSlug,
} from '../../writers/limits';

describe('hard limits', () => {
  it('counts characters as code points, so an emoji counts once', () => {
    expect(charCount('launch 🚀')).toBe(8);
    expect(atMostChars('text', '🚀'.repeat(280), 280)).toEqual([]);
    expect(atMostChars('text', 'a'.repeat(281), 280)).toEqual([
      { path: 'text', message: 'is 281 characters; at most 280' },
    ]);
  });

  it('checks ranges, counts and slugs, and describes what is wrong by path', () => {
    const violations = [
      ...charsBetween('metaDescription', 'Too short.', 120, 156),
      ...countBetween('titleOptions', ['one'], 3, 5),
      ...isSlug('slug', 'Not A Slug'),
      ...isSlug('fine', 'a-fine-slug-2'),
    ];
    expect(describeViolations(violations)).toBe(
      'metaDescription is 10 characters; it must be 120 to 156; ' +
        'titleOptions has 1 items; it must have 3 to 5; ' +
        'slug must be lowercase words joined by hyphens, at most 80 characters',
    );
  });
});
