import type { z } from 'zod';
import type { ChatMessage } from '../../contracts/messages';
import type { WRITERS } from '../catalogue';
import { YOUTUBE } from '../outputs';
import { briefLines, writerMessages } from './brief';

export type VideoScriptOptions = z.output<(typeof WRITERS)['video-script']['options']>;

export const videoScriptPrompt = (
  options: VideoScriptOptions,
  brandVoice?: string,
): ChatMessage[] =>
  writerMessages('a YouTube scriptwriter', brandVoice, [
    ...briefLines(options),
    `The video runs about ${options.durationMinutes} minutes.`,
    `Write 3 to 5 title options of at most ${YOUTUBE.titleMax} characters, a hook for the first seconds, and the script in at least ${YOUTUBE.minChapters} chapters: the first at 0:00, timestamps rising (m:ss), each with its script and b-roll notes.`,
    `Then a description of at most ${YOUTUBE.descriptionMax} characters and tags whose total length stays under ${YOUTUBE.tagsMax} characters.`,
  ]);
