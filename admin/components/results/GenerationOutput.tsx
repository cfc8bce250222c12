import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { GenerationView } from '../../../contracts/generations';
import { isBlogDraft, OUTPUT_SCHEMAS } from '../../utils/outputs';
import { BlogResult } from './BlogResult';
import { EmailResult } from './EmailResult';
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

/** A generation's output, shown the way its writer's output reads best. */
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
      return checked(OUTPUT_SCHEMAS.news, output, (data) => <NewsResult output={data} />);
    case 'social':
      return checked(OUTPUT_SCHEMAS.social, output, (data) => <SocialResult output={data} />);
    case 'email':
      return checked(OUTPUT_SCHEMAS.email, output, (data) => <EmailResult output={data} />);
    case 'story':
      return checked(OUTPUT_SCHEMAS.story, output, (data) => <StoryResult output={data} />);
    case 'video-script':
      return checked(OUTPUT_SCHEMAS['video-script'], output, (data) => (
        <VideoScriptResult output={data} />
      ));
    default:
      return <RawOutput output={output} />;
  }
};
