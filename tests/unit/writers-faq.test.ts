import { describeWriters, WRITERS } from '../../writers';
import { checkFaq } from '../../writers/faq';
import { slotsOf } from '../../writers/save-mapping';

const item = (question: string, answer = 'Because it works.') => ({ question, answer });
const faq = (...items: ReturnType<typeof item>[]) => ({ title: 'Composting FAQ', items });

describe('the FAQ writer', () => {
  it('is in the catalogue as a streamed writer asking how many questions', () => {
    const listed = describeWriters().find((writer) => writer.id === 'faq');
    expect(listed).toMatchObject({
      mode: 'stream',
      optionsSchema: {
        properties: {
          topic: { type: 'string' },
          questions: { type: 'integer', minimum: 1, maximum: 20, default: 5 },
        },
      },
    });
    expect(WRITERS.faq.options.parse({ topic: 'Composting' }).questions).toBe(5);
    expect(WRITERS.faq.options.safeParse({ topic: 'Composting', questions: 21 }).success).toBe(
      false,
    );
  });

  it('accepts exactly the questions asked for, each ending with "?", answers in range', () => {
    const output = faq(item('Why compost?'), item('What can go in?', 'a'.repeat(1200)));
    expect(checkFaq(output, { questions: 2 })).toEqual([]);
    expect(WRITERS.faq.check(output, WRITERS.faq.options.parse({ topic: 'x'.repeat(3) }))).toEqual([
      { path: 'items', message: 'has 2 items; it must have exactly 5' },
    ]);
  });

  it('names each broken limit by its path', () => {
    const output = faq(
      item('Why compost'),
      item(`${'q'.repeat(200)}?`),
      item('How?', 'a'.repeat(1201)),
    );
    expect(checkFaq(output, { questions: 2 })).toEqual([
      { path: 'items', message: 'has 3 items; it must have exactly 2' },
      { path: 'items.0.question', message: 'must end with "?"' },
      { path: 'items.1.question', message: 'is 201 characters; at most 200' },
      { path: 'items.2.answer', message: 'is 1201 characters; it must be 1 to 1200' },
    ]);
  });

  it('says to draw only on the source notes when they are given', () => {
    const [, brief] = WRITERS.faq.prompt(
      WRITERS.faq.options.parse({
        topic: 'Our returns policy',
        questions: 3,
        sourceNotes: 'Returns within 30 days.',
      }),
    );
    expect(brief!.content).toContain('exactly 3 question(s)');
    expect(brief!.content).toContain('only from the source notes');
    const [, plain] = WRITERS.faq.prompt(WRITERS.faq.options.parse({ topic: 'Composting' }));
    expect(plain!.content).not.toContain('source notes');
    expect(WRITERS.faq.titleOf(WRITERS.faq.options.parse({ topic: 'Composting' }))).toBe(
      'FAQ: Composting',
    );
  });

  it('saves as a title, a markdown body of questions and the first answer as description', () => {
    expect(
      slotsOf('faq', faq(item('Why compost?', 'Less waste.'), item('When?', 'Spring.'))),
    ).toEqual({
      title: 'Composting FAQ',
      slug: 'composting-faq',
      body: '### Why compost?\n\nLess waste.\n\n### When?\n\nSpring.',
      description: 'Less waste.',
    });
  });
});
