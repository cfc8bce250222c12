import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { GenerationView } from '../../../contracts/generations';
import { isWriterId, streamWriter, WRITERS } from '../../../writers';
import { isBlogDraft } from '../../utils/outputs';
import { BlogResult } from './BlogResult';
import { EmailResult } from './EmailResult';
import { GenericResult } from './GenericResult';
import { NewsResult } from './NewsResult';
import { RawOutput } from './RawOutput';
import { SocialResult } from './SocialResult';
import { StoryResult } from './StoryResult';
import { VideoScriptResult } from './VideoScriptResult';

/** The writer's view when the output has the writer's shape, the raw output otherwise. */
const checked = <T,>(schema: z.ZodType<T>, output: unknown, view: (data: T) => ReactNode) => {
  const parsed = schema.safeParse(output);
  return parsed.success ? view(parsed.data) : <RawOutput output={output} />;
};

/**
 * A generation's output, shown the way its writer's output reads best: the writers with a view
 * of their own get it, any other writer's output is read field by field.
 */
export const GenerationOutput = ({ generation }: { generation: GenerationView }) => {
  const { kind, output, documentId, status } = generation;
  if (output === null || output === undefined) return null;
  switch (kind) {
    case 'blog':
      return isBlogDraft(output) ? (
        <BlogResult
          draft={output}
          documentId={documentId}
          canRegenerate={status === 'succeeded' && output.phase === 'done'}
        />
      ) : (
        <RawOutput output={output} />
      );
    case 'news':
      return checked(WRITERS.news.output, output, (data) => <NewsResult output={data} />);
    case 'social':
      return checked(WRITERS.social.output, output, (data) => <SocialResult output={data} />);
    case 'email':
      return checked(WRITERS.email.output, output, (data) => <EmailResult output={data} />);
    case 'story':
      return checked(WRITERS.story.output, output, (data) => <StoryResult output={data} />);
    case 'video-script':
      return checked(WRITERS['video-script'].output, output, (data) => (
        <VideoScriptResult output={data} />
      ));
    default: {
      const writer = isWriterId(kind) ? streamWriter(kind) : undefined;
      return writer ? (
        checked(writer.output, output, (data) => <GenericResult output={data} />)
      ) : (
        <RawOutput output={output} />
      );
    }
  }
};
