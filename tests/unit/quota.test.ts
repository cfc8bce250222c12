import { quotaFor, utcDay } from '../../server/utils/quota';

describe('daily quotas', () => {
  const quotas = { 'strapi-author': 1000, 'strapi-editor': 5000 };

  it.each([
    [['strapi-author'], 1000],
    [['strapi-author', 'strapi-editor'], 5000],
    [['strapi-author', 'strapi-super-admin'], null],
    [['strapi-super-admin'], null],
    [[], null],
  ] as const)('given roles %j, the quota is %p', (roles, expected) => {
    expect(quotaFor(roles, quotas)).toBe(expected);
  });

  it('counts the UTC day and resets at the next UTC midnight', () => {
    const day = utcDay(new Date('2026-03-29T23:59:59.999+02:00'));
    expect(day).toEqual({
      date: '2026-03-29',
      start: new Date('2026-03-29T00:00:00.000Z'),
      resetsAt: new Date('2026-03-30T00:00:00.000Z'),
    });
  });
});
