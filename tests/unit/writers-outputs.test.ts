import { checkBlogMeta } from '../../writers/blog';
import { checkEmail } from '../../writers/email';
import { checkSocialPosts, withHashtags } from '../../writers/social';
import { checkVideoScript } from '../../writers/video-script';

const post = (text: string, hashtags: string[] = []) => ({ parts: [text], hashtags });

describe('social post limits', () => {
  const wanted = { networks: ['x', 'instagram'] as const, variants: 1, thread: false };

  it('accepts posts within each network’s limits, hashtags included', () => {
    const output = {
      posts: [
        { network: 'x' as const, variants: [post('a'.repeat(270), ['sale'])] },
        { network: 'instagram' as const, variants: [post('Spring is here.', ['spring'])] },
      ],
    };
    expect(checkSocialPosts(output, wanted)).toEqual([]);
  });

  it('names each post over its limit, the hashtags counted, and each missing network', () => {
    const output = {
      posts: [{ network: 'x' as const, variants: [post('a'.repeat(275), ['springsale'])] }],
    };
    expect(checkSocialPosts(output, wanted)).toEqual([
      { path: 'posts', message: 'has no posts for instagram' },
      { path: 'posts.0.variants.0.parts.0', message: 'is 288 characters; at most 280' },
    ]);
  });

  it('allows a thread on X only when one was asked for, each post within 280', () => {
    const thread = {
      posts: [
        { network: 'x' as const, variants: [{ parts: ['one', 'b'.repeat(281)], hashtags: [] }] },
      ],
    };
    const threadWanted = { networks: ['x'] as const, variants: 1, thread: true };
    expect(checkSocialPosts(thread, threadWanted)).toEqual([
      { path: 'posts.0.variants.0.parts.1', message: 'is 281 characters; at most 280' },
    ]);
    expect(checkSocialPosts(thread, { ...threadWanted, thread: false })).toContainEqual({
      path: 'posts.0.variants.0.parts',
      message: 'has 2 items; it must have exactly 1',
    });
  });

  it('caps Instagram at 30 hashtags', () => {
    const output = {
      posts: [
        {
          network: 'instagram' as const,
          variants: [
            post(
              'Caption',
              Array.from({ length: 31 }, (_, i) => `tag${i}`),
            ),
          ],
        },
      ],
    };
    expect(
      checkSocialPosts(output, { networks: ['instagram'], variants: 1, thread: false }),
    ).toEqual([
      { path: 'posts.0.variants.0.hashtags', message: 'has 31 items; it must have 0 to 30' },
    ]);
  });

  it('publishes hashtags after the text, each with one #', () => {
    expect(withHashtags('Hello', ['#spring', 'sale'])).toBe('Hello\n\n#spring #sale');
  });
});

describe('blog meta limits', () => {
  it('holds the meta title to 60 characters and the description to 120–156', () => {
    const meta = {
      metaTitle: 'A title that is far too long to show whole in a search result page',
      metaDescription: 'd'.repeat(130),
      slug: 'a-good-slug',
      tags: ['seo'],
    };
    expect(checkBlogMeta(meta)).toEqual([
      { path: 'metaTitle', message: 'is 66 characters; at most 60' },
    ]);
  });
});

describe('email and video script limits', () => {
  it('wants exactly the subject lines asked for, each at most 100 characters', () => {
    const email = {
      subjectLines: ['One', 's'.repeat(101)],
      preheader: 'p',
      body: 'b',
      callToAction: 'c',
    };
    expect(checkEmail(email, { subjectVariants: 3 })).toEqual([
      { path: 'subjectLines', message: 'has 2 items; it must have exactly 3' },
      { path: 'subjectLines.1', message: 'is 101 characters; at most 100' },
    ]);
  });

  it('starts chapters at 0:00, in rising order, at least three', () => {
    const chapter = (timestamp: string) => ({ timestamp, title: 't', script: 's', bRoll: [] });
    const script = {
      titleOptions: ['a', 'b', 'c'],
      hook: 'h',
      chapters: [chapter('0:10'), chapter('0:05')],
      description: 'd',
      tags: ['t'],
    };
    expect(checkVideoScript(script)).toEqual([
      { path: 'chapters', message: 'has 2 items; it must have 3 to 50' },
      { path: 'chapters.0.timestamp', message: 'must be 0:00' },
      { path: 'chapters.1.timestamp', message: 'must come after the chapter before it' },
    ]);
  });
});
