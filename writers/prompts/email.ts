import type { z } from 'zod';
import type { ChatMessage } from '../../contracts/messages';
import type { WRITERS } from '../catalogue';
import { EMAIL_PREHEADER_MAX, EMAIL_SUBJECT_MAX } from '../outputs';
import { briefLines, writerMessages } from './brief';

export type EmailOptions = z.output<(typeof WRITERS)['email']['options']>;

export const emailPrompt = (options: EmailOptions, brandVoice?: string): ChatMessage[] =>
  writerMessages('an email marketer writing a newsletter', brandVoice, [
    ...briefLines(options),
    options.goal ? `Goal: ${options.goal}` : undefined,
    options.callToAction ? `Call to action: ${options.callToAction}` : undefined,
    `Write exactly ${options.subjectVariants} subject line(s) of at most ${EMAIL_SUBJECT_MAX} characters, a preheader of at most ${EMAIL_PREHEADER_MAX} characters, the body (markdown) and the call to action's button text.`,
  ]);
