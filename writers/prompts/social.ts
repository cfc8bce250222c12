import type { z } from 'zod';
import type { ChatMessage } from '../../contracts/messages';
import type { WRITERS } from '../catalogue';
import { NETWORK_LIMITS } from '../outputs';
import { briefLines, writerMessages } from './brief';

export type SocialOptions = z.output<(typeof WRITERS)['social']['options']>;

const NETWORK_NAMES = {
  x: 'X (Twitter)',
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  instagram: 'Instagram',
};

const networkRule = (network: SocialOptions['networks'][number], thread: boolean) => {
  const { maxChars, maxHashtags } = NETWORK_LIMITS[network];
  const hashtags = maxHashtags ? `, at most ${maxHashtags} hashtags` : '';
  if (network === 'x' && thread) {
    return `- ${NETWORK_NAMES.x}: a thread; each part at most ${maxChars} characters, hashtags included in the last one`;
  }
  return `- ${NETWORK_NAMES[network]}: one post of at most ${maxChars} characters including its hashtags${hashtags}`;
};

export const socialPrompt = (options: SocialOptions, brandVoice?: string): ChatMessage[] =>
  writerMessages('a social media copywriter', brandVoice, [
    ...briefLines(options),
    `Write ${options.variants} different variant(s) for each of these networks:`,
    ...options.networks.map((network) => networkRule(network, options.thread)),
    'Put hashtags in `hashtags` (without #), not in the text. Count characters carefully.',
  ]);
