import type { Research } from '../research/researcher';
import { percent, plural, result, type Assessment } from './assessment';

const notIn = (what: string) => (get: Research) => {
  const { name } = get('language');
  return name
    ? `${what} is not available for ${name} yet.`
    : `${what} is not available for this language.`;
};

const hasSentences = (get: Research) => get('sentences').length > 0;

const readingEase: Assessment = {
  id: 'readingEase',
  group: 'readability',
  unavailable: (get) => (get('language').readingEase ? undefined : notIn('Reading ease')(get)),
  applies: hasSentences,
  assess(get) {
    const formula = get('language').readingEase!;
    const words = get('sentences').reduce((sum, sentence) => sum + sentence.words.length, 0);
    const score =
      Math.round(
        formula.score({
          words,
          sentences: get('sentences').length,
          syllables: get('syllableCount'),
        }) * 10,
      ) / 10;
    const label = `${formula.name} is ${score}`;
    if (score > 60) return result(9, `${label}: easy enough for most readers.`);
    if (score >= 50)
      return result(6, `${label}: fairly difficult; shorter sentences and words would help.`);
    return result(3, `${label}: hard to read; use shorter sentences and simpler words.`);
  },
};

const sentenceLength: Assessment = {
  id: 'sentenceLength',
  group: 'readability',
  applies: hasSentences,
  assess(get) {
    const limit = get('language').sentenceWordLimit;
    const sentences = get('sentences');
    const long = sentences.filter((sentence) => sentence.words.length > limit).length;
    const share = long / sentences.length;
    const found = `${percent(share)} of the sentences have more than ${limit} words`;
    if (share <= 0.25) return result(9, `${found}: fine.`);
    if (share <= 0.3) return result(6, `${found}: shorten some, to a quarter at most.`);
    return result(3, `${found}: too many; split them, to a quarter at most.`);
  },
};

const paragraphLength: Assessment = {
  id: 'paragraphLength',
  group: 'readability',
  applies: (get) => get('paragraphs').length > 0,
  assess(get) {
    const lengths = get('model').blocks.map((block, index) =>
      block.kind === 'paragraph'
        ? get('sentences')
            .filter((sentence) => sentence.block === index)
            .reduce((sum, sentence) => sum + sentence.words.length, 0)
        : 0,
    );
    const over = (words: number) => lengths.filter((length) => length > words).length;
    if (over(200))
      return result(
        3,
        `${plural(over(200), 'paragraph')} ${over(200) === 1 ? 'has' : 'have'} more than 200 words: split them.`,
      );
    if (over(150))
      return result(
        6,
        `${plural(over(150), 'paragraph')} ${over(150) === 1 ? 'has' : 'have'} more than 150 words: consider splitting them.`,
      );
    return result(9, 'No paragraph is too long.');
  },
};

const subheadingDistribution: Assessment = {
  id: 'subheadingDistribution',
  group: 'readability',
  // Without text there is nothing to read, and nothing to score well.
  applies: hasSentences,
  assess(get) {
    const sections = get('sectionWordCounts');
    const words = get('wordCount');
    if (sections.length === 1) {
      return words <= 300
        ? result(9, 'A short text needs no subheadings.')
        : result(
            2,
            `The text has ${plural(words, 'word')} and no subheadings: add one every 300 words or so.`,
          );
    }
    const longest = Math.max(...sections);
    if (longest <= 300) return result(9, 'Subheadings break the text into readable sections.');
    const over = sections.filter((count) => count > 300).length;
    if (longest <= 350)
      return result(6, `${plural(over, 'section')} run past 300 words: add a subheading.`);
    return result(
      3,
      `${plural(over, 'section')} run past 300 words (the longest ${longest}): add subheadings.`,
    );
  },
};

const hasSequence = (words: readonly string[], sequence: readonly string[]) =>
  words.some((_, i) => sequence.every((word, j) => words[i + j] === word));

const transitionWords: Assessment = {
  id: 'transitionWords',
  group: 'readability',
  unavailable: (get) =>
    get('language').transitionWords ? undefined : notIn('The transition words check')(get),
  // Too few sentences to judge below 200 words.
  applies: (get) => get('wordCount') >= 200 && hasSentences(get),
  assess(get) {
    const { single, multi } = get('language').transitionWords!;
    const sentences = get('sentences');
    const linked = sentences.filter(
      (sentence) =>
        sentence.words.some((word) => single.has(word)) ||
        multi.some((sequence) => hasSequence(sentence.words, sequence)),
    ).length;
    const share = linked / sentences.length;
    const found = `${percent(share)} of the sentences use a transition word`;
    if (share >= 0.3) return result(9, `${found}: the text flows.`);
    if (share >= 0.2)
      return result(6, `${found}: use a few more ("however", "for example") to link ideas.`);
    return result(
      3,
      `${found}: too few; link your sentences with words like "because", "however", "for example".`,
    );
  },
};

const passiveVoice: Assessment = {
  id: 'passiveVoice',
  group: 'readability',
  unavailable: (get) =>
    get('language').isPassive ? undefined : notIn('The passive voice check')(get),
  applies: hasSentences,
  assess(get) {
    const isPassive = get('language').isPassive!;
    const sentences = get('sentences');
    const passive = sentences.filter((sentence) => isPassive(sentence.words)).length;
    const share = passive / sentences.length;
    const found = `${percent(share)} of the sentences are passive`;
    if (share <= 0.1) return result(9, `${found}: fine.`);
    if (share <= 0.15) return result(6, `${found}: turn some into the active voice (10% at most).`);
    return result(3, `${found}: too many; say who does what (10% at most).`);
  },
};

const consecutiveSentences: Assessment = {
  id: 'consecutiveSentences',
  group: 'readability',
  applies: hasSentences,
  assess(get) {
    const runs: { word: string; length: number }[] = [];
    let previous: string | undefined;
    for (const sentence of get('sentences')) {
      const first = sentence.words.find((word) => /\p{L}/u.test(word));
      if (first && first === previous) runs[runs.length - 1]!.length += 1;
      else if (first) runs.push({ word: first, length: 1 });
      previous = first;
    }
    const repeated = runs.filter((run) => run.length >= 3);
    if (!repeated.length) return result(9, 'Sentence beginnings vary.');
    const words = repeated
      .slice(0, 3)
      .map((run) => `"${run.word}"`)
      .join(', ');
    return result(
      3,
      `${plural(repeated.length, 'time')} three or more sentences in a row start with the same word (${words}): vary the openings.`,
    );
  },
};

export const readabilityAssessments = [
  readingEase,
  sentenceLength,
  paragraphLength,
  subheadingDistribution,
  transitionWords,
  passiveVoice,
  consecutiveSentences,
];
