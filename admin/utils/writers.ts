import type { WriterId, WriterMode } from '../../writers/catalogue';
import type { JsonSchema } from './json-schema';
import type { TranslationKey } from './translations';

export type { WriterId };

/** One entry of `GET /alwrity/writers`. */
export interface WriterDescriptor {
  id: WriterId;
  mode: WriterMode;
  optionsSchema: JsonSchema;
}

/** How each writer is named in the picker; `satisfies` keeps it in step with the catalogue. */
export const WRITER_TEXT = {
  blog: { name: 'writer.blog.name', description: 'writer.blog.description' },
  news: { name: 'writer.news.name', description: 'writer.news.description' },
  social: { name: 'writer.social.name', description: 'writer.social.description' },
  email: { name: 'writer.email.name', description: 'writer.email.description' },
  story: { name: 'writer.story.name', description: 'writer.story.description' },
  'video-script': {
    name: 'writer.video-script.name',
    description: 'writer.video-script.description',
  },
} as const satisfies Record<WriterId, { name: TranslationKey; description: TranslationKey }>;

/** Generation kinds also include free prompts; only writer kinds have a form to go back to. */
export const isWriterId = (kind: string): kind is WriterId => Object.hasOwn(WRITER_TEXT, kind);
