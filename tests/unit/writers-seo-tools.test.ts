import { checkGapAdvice } from '../../writers/content-gap';
import { checkKeywordIdeas, seoKeywordsWriter } from '../../writers/seo-keywords';

describe('the keyword ideas writer’s limits', () => {
  const ideas = {
    keyphrases: [
      { keyphrase: 'editorial calendar template', intent: 'commercial' as const },
      { keyphrase: 'content planning tools', intent: 'informational' as const },
      { keyphrase: 'social media calendar', intent: 'informational' as const },
    ],
    questions: [
      'How do you build a content calendar?',
      'What should a content calendar include?',
      'How far ahead should you plan content?',
    ],
  };

  it('passes the asked number of ideas and questions that end with a question mark', () => {
    expect(checkKeywordIdeas(ideas, { ideas: 3 })).toEqual([]);
  });

  it('names a missing idea, a question without its mark and a phrase too long', () => {
    const violations = checkKeywordIdeas(
      {
        keyphrases: [{ keyphrase: 'x'.repeat(81), intent: 'informational' }],
        questions: [...ideas.questions.slice(0, 2), 'How far ahead to plan'],
      },
      { ideas: 3 },
    );
    expect(violations.map((violation) => violation.path)).toEqual([
      'keyphrases',
      'keyphrases.0.keyphrase',
      'questions.2',
    ]);
  });

  it('asks in the locale’s language and with the page as notes', () => {
    const [, user] = seoKeywordsWriter.prompt(
      seoKeywordsWriter.options.parse({
        topic: 'Content calendar',
        locale: 'de',
        sourceNotes: 'Ein Redaktionsplan…',
      }),
    );
    expect(user!.content).toContain('locale "de"');
    expect(user!.content).toContain('exactly 8 keyphrases');
    expect(user!.content).toContain('not what it already repeats');
  });
});

describe('the content gap writer’s limits', () => {
  it('passes a summary with sections, and names what breaks the limits', () => {
    const addition = { heading: 'Templates', why: 'Both rivals offer one.', points: ['A sheet'] };
    expect(checkGapAdvice({ summary: 'Add templates.', additions: [addition] })).toEqual([]);
    const violations = checkGapAdvice({
      summary: 's'.repeat(801),
      additions: [{ ...addition, points: [] }],
    });
    expect(violations.map((violation) => violation.path)).toEqual([
      'summary',
      'additions.0.points',
    ]);
  });
});
