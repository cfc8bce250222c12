import { describeWriters, WRITERS } from '../../writers';

describe('the writer catalogue', () => {
  it('offers the eight writers, the long-form blog as a job and the rest streamed', () => {
    const writers = describeWriters();
    expect(writers.map(({ id, mode }) => [id, mode])).toEqual([
      ['blog', 'job'],
      ['news', 'stream'],
      ['social', 'stream'],
      ['email', 'stream'],
      ['story', 'stream'],
      ['video-script', 'stream'],
      ['faq', 'stream'],
      ['seo-meta', 'stream'],
    ]);
    for (const { optionsSchema } of writers) {
      expect(optionsSchema).toMatchObject({
        type: 'object',
        required: ['topic'],
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
