import { z } from 'zod';
import { briefLines, writerMessages } from './brief';
import { defineStreamWriter } from './definition';
import { atMostChars, countBetween, type LimitViolation } from './limits';
import { commonOptions } from './options';

/** A newsletter: subject lines to choose from, a preheader, the body and a call to action. */

export const EMAIL_SUBJECT_MAX = 100;
export const EMAIL_PREHEADER_MAX = 150;

const emailNewsletter = z.object({
  subjectLines: z.array(z.string().min(1)),
  preheader: z.string().min(1),
  body: z.string().min(1),
  callToAction: z.string().min(1),
});

export const checkEmail = (
  email: z.output<typeof emailNewsletter>,
  wanted: { subjectVariants: number },
): LimitViolation[] => [
  ...countBetween(
    'subjectLines',
    email.subjectLines,
    wanted.subjectVariants,
    wanted.subjectVariants,
  ),
  ...email.subjectLines.flatMap((subject, i) =>
    atMostChars(`subjectLines.${i}`, subject, EMAIL_SUBJECT_MAX),
  ),
  ...atMostChars('preheader', email.preheader, EMAIL_PREHEADER_MAX),
];

export const emailWriter = defineStreamWriter({
  id: 'email',
  mode: 'stream',
  options: commonOptions.extend({
    goal: z.string().trim().max(300).optional().describe('What the email should achieve'),
    callToAction: z.string().trim().max(120).optional().describe('Call to action'),
    subjectVariants: z.number().int().min(1).max(5).default(3).describe('Subject lines'),
  }),
  output: emailNewsletter,
  schemaName: 'email',
  prompt: (options, brandVoice) =>
    writerMessages('an email marketer writing a newsletter', brandVoice, [
      ...briefLines(options),
      options.goal ? `Goal: ${options.goal}` : undefined,
      options.callToAction ? `Call to action: ${options.callToAction}` : undefined,
      `Write exactly ${options.subjectVariants} subject line(s) of at most ${EMAIL_SUBJECT_MAX} characters, a preheader of at most ${EMAIL_PREHEADER_MAX} characters, the body (markdown) and the call to action's button text.`,
    ]),
  check: checkEmail,
  titleOf: (options) => `Email: ${options.topic}`,
  slots: (output) => ({
    title: output.subjectLines[0],
    description: output.preheader,
    body: `${output.body}\n\n**${output.callToAction}**`,
  }),
});
