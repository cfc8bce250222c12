import { sentencesOf, wordsOf } from '../../../analysis/seo/research/tokens';
import { analyze } from '../../../analysis/seo';

describe('words and sentences', () => {
  it('keeps combining marks with their letters', () => {
    // "café" with a combining acute accent, and Hindi with its vowel signs.
    expect(wordsOf('Un cafe\u0301 noir')).toEqual(['un', 'cafe\u0301', 'noir']);
    expect(wordsOf('हिन्दी भाषा')).toEqual(['हिन्दी', 'भाषा']);
  });

  it('does not end a sentence at an abbreviation or an initial, in any alphabet', () => {
    expect(sentencesOf('Wir planen z.B. Beiträge. Das hilft.')).toEqual([
      'Wir planen z.B. Beiträge.',
      'Das hilft.',
    ]);
    expect(sentencesOf('Ein Text von Ä. Müller folgt. Er ist kurz.')).toEqual([
      'Ein Text von Ä. Müller folgt.',
      'Er ist kurz.',
    ]);
  });

  it('reads German ordinals as part of the sentence, English years as its end', () => {
    expect(
      sentencesOf('Die Messe beginnt am 3. Oktober in Köln. Wir sind dabei.', { ordinals: true }),
    ).toEqual(['Die Messe beginnt am 3. Oktober in Köln.', 'Wir sind dabei.']);
    expect(sentencesOf('We launched in 2024. Then we grew.')).toEqual([
      'We launched in 2024.',
      'Then we grew.',
    ]);
  });

  it('skips pieces without a word, so reading ease stays a number', () => {
    expect(sentencesOf('* * *')).toEqual([]);
    expect(sentencesOf('The end. ...')).toEqual(['The end. ...']);
    // A divider paragraph alone is no sentence: nothing to judge, no "NaN" reading ease.
    const divider = analyze({ content: '<p>* * *</p>' });
    expect(divider.assessments.find((item) => item.id === 'readingEase')).toBeUndefined();
    const result = analyze({ content: '<p>* * *</p><p>Short text here. It reads well.</p>' });
    expect(result.assessments.find((item) => item.id === 'sentenceLength')?.message).toMatch(
      /^0% of the sentences/,
    );
  });
});
