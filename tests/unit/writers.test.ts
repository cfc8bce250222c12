import { describeWriters, WRITERS } from '../../writers';

describe('the writer catalogue', () => {
  it("offers the eight writers (the long-form blog as a job) and the SEO tools' two unlisted", () => {
    const writers = describeWriters();
    expect(writers.map(({ id, mode, listed }) => [id, mode, listed])).toEqual([
      ['blog', 'job', true],
      ['news', 'stream', true],
      ['social', 'stream', true],
      ['email', 'stream', true],
      ['story', 'stream', true],
      ['video-script', 'stream', true],
      ['faq', 'stream', true],
      ['seo-meta', 'stream', true],
      ['seo-keywords', 'stream', false],
      ['content-gap', 'stream', false],
    ]);
    for (const { optionsSchema } of writers) {
      expect(optionsSchema).toMatchObject({
        type: 'object',
        required: expect.arrayContaining(['topic']),
        properties: { topic: { type: 'string', description: 'What to write about' } },
      });
    }
  });

  it('fills defaults, so a topic alone is a complete request', () => {
    expect(WRITERS.social.options.parse({ topic: 'Our spring sale' })).toMatchObject({
      topic: 'Our spring sale',
      tone: 'friendly',
      locale: 'en',
      length: 'medium',
      networks: ['linkedin'],
      variants: 3,
      thread: false,
    });
  });

  it('refuses an option the writer does not know', () => {
    const result = WRITERS.story.options.safeParse({ topic: 'A fox', variants: 3 });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['variants'],
    });
  });

  it('names the field at fault', () => {
    const result = WRITERS.social.options.safeParse({
      topic: 'Our spring sale',
      networks: ['myspace'],
      locale: 'not a locale',
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['networks.0', 'locale']));
  });
});
