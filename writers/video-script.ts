import { z } from 'zod';
import { briefLines, writerMessages } from './brief';
import { defineStreamWriter, tagsText } from './definition';
import { atMostChars, countBetween, type LimitViolation } from './limits';
import { commonOptions } from './options';

/** A YouTube script: title options, a hook, timed chapters, description and tags. */

/** YouTube's own limits: title, description, all tags together; chapters need three from 0:00. */
export const YOUTUBE = { titleMax: 100, descriptionMax: 5000, tagsMax: 500, minChapters: 3 };

const videoScript = z.object({
  titleOptions: z.array(z.string().min(1)),
  hook: z.string().min(1),
  chapters: z.array(
    z.object({
      timestamp: z.string().regex(/^\d{1,2}:\d{2}(:\d{2})?$/, 'must be m:ss or h:mm:ss'),
      title: z.string().min(1),
      script: z.string().min(1),
      bRoll: z.array(z.string()),
    }),
  ),
  description: z.string().min(1),
  tags: z.array(z.string().min(1)),
});

const secondsOf = (timestamp: string) =>
  timestamp
    .split(':')
    .map(Number)
    .reduce((total, part) => total * 60 + part, 0);

export const checkVideoScript = (script: z.output<typeof videoScript>): LimitViolation[] => {
  const starts = script.chapters.map((chapter) => secondsOf(chapter.timestamp));
  return [
    ...countBetween('titleOptions', script.titleOptions, 3, 5),
    ...script.titleOptions.flatMap((title, i) =>
      atMostChars(`titleOptions.${i}`, title, YOUTUBE.titleMax),
    ),
    ...atMostChars('description', script.description, YOUTUBE.descriptionMax),
    ...atMostChars('tags', script.tags.join(','), YOUTUBE.tagsMax),
    ...countBetween('chapters', script.chapters, YOUTUBE.minChapters, 50),
    ...(starts[0] === 0 ? [] : [{ path: 'chapters.0.timestamp', message: 'must be 0:00' }]),
    ...starts.flatMap((start, i) =>
      i > 0 && start <= starts[i - 1]!
        ? [{ path: `chapters.${i}.timestamp`, message: 'must come after the chapter before it' }]
        : [],
    ),
  ];
};

export const videoScriptWriter = defineStreamWriter({
  id: 'video-script',
  mode: 'stream',
  options: commonOptions.extend({
    durationMinutes: z.number().int().min(1).max(60).default(8).describe('Video length (minutes)'),
  }),
  output: videoScript,
  schemaName: 'video_script',
  prompt: (options, brandVoice) =>
    writerMessages('a YouTube scriptwriter', brandVoice, [
      ...briefLines(options),
      `The video runs about ${options.durationMinutes} minutes.`,
      `Write 3 to 5 title options of at most ${YOUTUBE.titleMax} characters, a hook for the first seconds, and the script in at least ${YOUTUBE.minChapters} chapters: the first at 0:00, timestamps rising (m:ss), each with its script and b-roll notes.`,
      `Then a description of at most ${YOUTUBE.descriptionMax} characters and tags whose total length stays under ${YOUTUBE.tagsMax} characters.`,
    ]),
  check: checkVideoScript,
  titleOf: (options) => `Video script: ${options.topic}`,
  slots: (script) => ({
    title: script.titleOptions[0],
    description: script.description,
    body: [
      script.hook,
      ...script.chapters.map(
        (chapter) =>
          `## ${chapter.timestamp} ${chapter.title}\n\n${chapter.script}${
            chapter.bRoll.length ? `\n\n*B-roll: ${chapter.bRoll.join('; ')}*` : ''
          }`,
      ),
    ].join('\n\n'),
    tags: tagsText(script.tags),
  }),
});
