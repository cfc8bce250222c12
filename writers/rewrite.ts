import type { RewriteBody } from '../contracts/writers';
import type { ChatMessage } from '../contracts/messages';
import { writerMessages } from './brief';

/** What each "Write with AI" operation asks of the text. */
const INSTRUCTIONS: Record<RewriteBody['operation'], (body: RewriteBody) => string> = {
  expand: () => 'Expand this text: add detail and examples, keeping its meaning and voice.',
  shorten: () => 'Shorten this text to about half its length, keeping every key point.',
  rephrase: () => 'Rephrase this text in fresh words, keeping its meaning and length.',
  tone: (body) => `Rewrite this text in a ${body.tone} tone, keeping its meaning.`,
  translate: (body) =>
    `Translate this text into the language of the locale "${body.locale}", keeping its formatting.`,
};

export const rewritePrompt = (body: RewriteBody, brandVoice?: string): ChatMessage[] =>
  writerMessages(
    'an editor rewriting a field of a content entry',
    brandVoice,
    [
      INSTRUCTIONS[body.operation](body),
      body.format === 'plain'
        ? 'Answer in plain text without markdown.'
        : 'Keep the markdown structure (headings, lists, emphasis).',
      `Text:\n"""\n${body.text}\n"""`,
    ],
    'markdown',
  );
