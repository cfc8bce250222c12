import { z } from 'zod';
import { blogWriter } from './blog';
import { contentGapWriter } from './content-gap';
import type { StreamWriter } from './definition';
import { emailWriter } from './email';
import { faqWriter } from './faq';
import { newsWriter } from './news';
import { seoKeywordsWriter } from './seo-keywords';
import { seoMetaWriter } from './seo-meta';
import { socialWriter } from './social';
import { storyWriter } from './story';
import { videoScriptWriter } from './video-script';

export type { Slots, WriterMode } from './definition';

/**
 * Every writer, in the order the admin offers them. A writer is its module in this folder plus
 * its line here (and its `writer.<id>.name` and `.description` translations): the catalogue, the
 * server's runs, the history titles and "Save as draft" are all read from these definitions.
 */
const DEFINITIONS = [
  blogWriter,
  newsWriter,
  socialWriter,
  emailWriter,
  storyWriter,
  videoScriptWriter,
  faqWriter,
  seoMetaWriter,
  seoKeywordsWriter,
  contentGapWriter,
] as const;

type WriterDefinition = (typeof DEFINITIONS)[number];
export type WriterId = WriterDefinition['id'];

export const WRITER_IDS: readonly WriterId[] = DEFINITIONS.map((definition) => definition.id);

/** Each writer's definition by id, typed for that writer. */
export const WRITERS = Object.fromEntries(
  DEFINITIONS.map((definition) => [definition.id, definition]),
) as { [D in WriterDefinition as D['id']]: D };

/** Generation kinds also include free prompts; only writer kinds have a definition. */
export const isWriterId = (kind: string): kind is WriterId => Object.hasOwn(WRITERS, kind);

type StreamDefinition = Extract<WriterDefinition, { mode: 'stream' }>;
type StreamWriterId = StreamDefinition['id'];
/** What a short writer answers, once it holds its output schema. */
export type OutputOf<Id extends StreamWriterId> = z.output<(typeof WRITERS)[Id]['output']>;

/** A short writer read by id at run time, its options and output no longer told apart. */
export type AnyStreamWriter = StreamWriter<string, z.ZodObject, z.ZodType>;

/** The short writer of this id; undefined for a writer that runs as a job. */
export const streamWriter = (id: WriterId): AnyStreamWriter | undefined => {
  const definition: WriterDefinition = WRITERS[id];
  return definition.mode === 'stream' ? (definition as unknown as AnyStreamWriter) : undefined;
};

/** The catalogue as the API serves it: each writer's options as JSON Schema, for forms. */
export const describeWriters = () =>
  DEFINITIONS.map((definition) => ({
    id: definition.id,
    mode: definition.mode,
    listed: !('listed' in definition) || definition.listed !== false,
    optionsSchema: z.toJSONSchema(definition.options, { io: 'input', target: 'draft-7' }),
  }));
