import { z } from 'zod';
import { briefLines, writerMessages } from './brief';
import { defineStreamWriter } from './definition';
import { atMostChars } from './limits';
import { commonOptions } from './options';

/** A news story: headline, lead and body, in the inverted pyramid. */

export const NEWS_HEADLINE_MAX = 110;

const newsArticle = z.object({
  headline: z.string().min(1),
  lead: z.string().min(1),
  body: z.string().min(1),
});

export const newsWriter = defineStreamWriter({
  id: 'news',
  mode: 'stream',
  options: commonOptions.extend({
    dateline: z.string().trim().max(120).optional().describe('Dateline (place, date)'),
  }),
  output: newsArticle,
  schemaName: 'news_article',
  prompt: (options, brandVoice) =>
    writerMessages('a news reporter writing for a newsroom', brandVoice, [
      ...briefLines(options),
      options.dateline ? `Dateline: ${options.dateline}` : undefined,
      `Write a headline of at most ${NEWS_HEADLINE_MAX} characters, a lead that answers who, what, when, where and why, and a body in inverted-pyramid order (markdown).`,
      options.sourceNotes
        ? 'Quote only what the source notes say.'
        : 'There is no source: never invent a quote; where one belongs write a placeholder such as [QUOTE NEEDED: a spokesperson on the timeline].',
    ]),
  check: (article) => atMostChars('headline', article.headline, NEWS_HEADLINE_MAX),
  titleOf: (options) => `News: ${options.topic}`,
  slots: (article) => ({
    title: article.headline,
    description: article.lead,
    body: `${article.lead}\n\n${article.body}`,
  }),
});
