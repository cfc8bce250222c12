import type { Paper } from '../../../analysis/seo';
import { describeCases, goodPaper, type Case } from './helpers';

const STARTS = [
  'Editors',
  'Writers',
  'Teams',
  'Readers',
  'Designers',
  'Managers',
  'Authors',
  'Marketers',
  'Reviewers',
  'Planners',
];
const start = (i: number) => STARTS[i % STARTS.length]!;

/** A ten-word sentence with no transition word and no passive. */
const plain = (i: number) => `${start(i)} check the shared plan before each weekly meeting starts.`;
const linked = (i: number) =>
  `${start(i)} check the plan, however, before each weekly meeting starts.`;
const passive = (i: number) =>
  `Our plan is reviewed by ${start(i).toLowerCase()} before each meeting.`;
/** Twenty-five words. */
const long = (i: number) =>
  `${start(i)} check the shared plan before each weekly meeting starts, and they write down every open question for the editor who leads the session later.`;

/** Twenty sentences in paragraphs of four, `count` of them of the kind under test. */
const text = (kind: (i: number) => string, count: number) => {
  // Exactly `count` of the twenty, spread out.
  const sentences = Array.from({ length: 20 }, (_, i) =>
    (i * count) % 20 < count ? kind(i) : plain(i),
  );
  const paragraphs = [0, 4, 8, 12, 16].map((at) => sentences.slice(at, at + 4).join(' '));
  return `## Planning together\n\n${paragraphs.slice(0, 3).join('\n\n')}\n\n## Keeping it current\n\n${paragraphs.slice(3).join('\n\n')}`;
};

const paper = (content: string): Paper => goodPaper({ content });
const words = (count: number, from = 0) =>
  Array.from({ length: Math.ceil(count / 10) }, (_, i) => plain(from + i)).join(' ');

const cases: Record<string, Case[]> = {
  readingEase: [
    ['plain sentences', goodPaper(), 'good', /^Flesch reading ease is \d+/],
    [
      'longer words',
      paper(
        'Good planning needs clear talks between teams. Reviewers look at every proposal with care before they approve it. Writers prepare outlines for important articles. Managers plan the schedule for each channel.',
      ),
      'ok',
      /fairly difficult/,
    ],
    [
      'dense prose',
      paper(
        'Organizational considerations necessitate comprehensive evaluation of interdepartmental communication methodologies. Strategic prioritization facilitates sustainable publication frequency optimization.',
      ),
      'bad',
      /hard to read/,
    ],
  ],
  sentenceLength: [
    ['a quarter long', paper(text(long, 5)), 'good', /25% of the sentences/],
    ['three in ten long', paper(text(long, 6)), 'ok', /30%/],
    ['two in five long', paper(text(long, 8)), 'bad', /40%/],
  ],
  paragraphLength: [
    ['short paragraphs', goodPaper(), 'good'],
    [
      'a 170-word paragraph',
      paper(`${words(170)}\n\n${words(40, 3)}`),
      'ok',
      /1 paragraph has more than 150/,
    ],
    ['a 210-word paragraph', paper(words(210)), 'bad', /more than 200 words/],
  ],
  subheadingDistribution: [
    ['sections under 300 words', goodPaper(), 'good'],
    [
      'a 320-word section',
      paper(`## One\n\n${words(120)}\n\n${words(200, 2)}\n\n## Two\n\n${words(60)}`),
      'ok',
    ],
    [
      'a 400-word section',
      paper(`## One\n\n${words(200)}\n\n${words(200, 2)}\n\n## Two\n\n${words(60)}`),
      'bad',
      /the longest 400/,
    ],
    [
      '400 words without subheadings',
      paper(`${words(200)}\n\n${words(200, 2)}`),
      'bad',
      /no subheadings/,
    ],
  ],
  transitionWords: [
    ['a third of the sentences', paper(text(linked, 7)), 'good'],
    ['a quarter', paper(text(linked, 5)), 'ok', /25%/],
    ['one in ten', paper(text(linked, 2)), 'bad', /10%/],
  ],
  passiveVoice: [
    ['one in ten', paper(text(passive, 2)), 'good'],
    ['three in twenty', paper(text(passive, 3)), 'ok', /15%/],
    ['one in five', paper(text(passive, 4)), 'bad', /20%/],
  ],
  consecutiveSentences: [
    ['varied openings', goodPaper(), 'good'],
    [
      'three in a row with the same word',
      paper(`${words(40)} The plan is shared. The team meets weekly. The editor decides.`),
      'bad',
      /1 time three or more sentences in a row start with the same word \("the"\)/,
    ],
  ],
};

describeCases(cases);

it('does not judge transition words in a text under 200 words', () => {
  const { analyze } = jest.requireActual(
    '../../../analysis/seo',
  ) as typeof import('../../../analysis/seo');
  expect(analyze(paper(words(150))).assessments.map((item) => item.id)).not.toContain(
    'transitionWords',
  );
});
