import type { FakeReply, RecordedRequest } from './fake-model-server';

/**
 * Answers the long-form blog's calls the way a model would, told apart by what each asks for:
 * the structured steps by their schema name, prose steps by the brief's last instruction.
 * Section texts name their section, so tests can check order and context.
 */

export const META = {
  metaTitle: 'Composting at home: a beginner guide',
  metaDescription:
    'Learn how to start composting at home: what to put in the bin, what to keep out, and how to turn kitchen scraps into rich soil in weeks.',
  slug: 'composting-at-home',
  tags: ['composting', 'gardening', 'zero waste'],
};

export const sectionText = (index: number) =>
  `Section ${index} text: practical advice, step by step, with an example.`;

export const outlineOf = (sections: number) => ({
  titleOptions: ['Composting at home', 'Compost in 30 days', 'Kitchen scraps to soil'],
  sections: Array.from({ length: sections }, (_, i) => ({
    heading: `Heading ${i + 1}`,
    points: [`Point ${i + 1}a`, `Point ${i + 1}b`],
  })),
});

const schemaNameOf = (request: RecordedRequest): string | undefined =>
  request.body?.response_format?.json_schema?.name;

const lastUserText = (request: RecordedRequest): string => {
  const messages = (request.body?.messages ?? []) as { role: string; content: string }[];
  return messages.filter((message) => message.role === 'user').pop()?.content ?? '';
};

/** How the fake answers a blog run of `sections` sections; `timing` slows every reply. */
export const blogReplies =
  (sections: number, timing: Pick<FakeReply, 'chunkDelayMs' | 'firstTokenDelayMs'> = {}) =>
  (request: RecordedRequest): FakeReply => {
    switch (schemaNameOf(request)) {
      case 'blog_outline':
        return { json: outlineOf(sections), ...timing };
      case 'blog_faq':
        return {
          json: {
            faq: [1, 2, 3].map((n) => ({ question: `Question ${n}?`, answer: `Answer ${n}.` })),
          },
          ...timing,
        };
      case 'blog_meta':
        return { json: META, ...timing };
    }
    const brief = lastUserText(request);
    const section = /Write section (\d+),/.exec(brief);
    if (section) return { text: sectionText(Number(section[1])), ...timing };
    if (brief.includes('Write the introduction')) {
      return { text: 'An introduction to composting.', ...timing };
    }
    if (brief.includes('Write the conclusion')) return { text: 'Start today.', ...timing };
    return { text: 'Unexpected request.', ...timing };
  };

/** Which blog step a recorded request was for, in the words the test asserts on. */
export const blogStepOf = (request: RecordedRequest): string => {
  const schema = schemaNameOf(request);
  if (schema) return schema.replace('blog_', '');
  const brief = lastUserText(request);
  const section = /Write section (\d+),/.exec(brief);
  if (section) return `section ${section[1]}`;
  if (brief.includes('Write the introduction')) return 'introduction';
  if (brief.includes('Write the conclusion')) return 'conclusion';
  return 'other';
};
