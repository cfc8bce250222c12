import { newStemmer } from 'snowball-stemmers';
import { deu } from 'stopword';
import { perWord, wordList, type Language } from './language';

// Our own list: Konnektoren and adverbs that tie a sentence to the one before it.
const TRANSITIONS = [
  'allerdings',
  'also',
  'andererseits',
  'anschließend',
  'außerdem',
  'beispielsweise',
  'danach',
  'daher',
  'darum',
  'dagegen',
  'dann',
  'dennoch',
  'deshalb',
  'deswegen',
  'drittens',
  'ebenfalls',
  'ebenso',
  'einerseits',
  'endlich',
  'erstens',
  'ferner',
  'folglich',
  'gleichzeitig',
  'hingegen',
  'infolgedessen',
  'insbesondere',
  'inzwischen',
  'jedoch',
  'kurzum',
  'letztendlich',
  'letztlich',
  'nämlich',
  'obwohl',
  'schließlich',
  'sodass',
  'somit',
  'später',
  'stattdessen',
  'tatsächlich',
  'trotzdem',
  'übrigens',
  'währenddessen',
  'weil',
  'zudem',
  'zuerst',
  'zunächst',
  'zusammenfassend',
  'zweitens',
  'aus diesem grund',
  'auf der anderen seite',
  'darüber hinaus',
  'das heißt',
  'im allgemeinen',
  'im folgenden',
  'im gegensatz dazu',
  'in der regel',
  'mit anderen worten',
  'vor allem',
  'zum beispiel',
  'zum schluss',
  'zum einen',
  'zum anderen',
];

const WERDEN = new Set([
  'werde',
  'wirst',
  'wird',
  'werden',
  'werdet',
  'wurde',
  'wurdest',
  'wurden',
  'wurdet',
  'würde',
  'würden',
  'worden',
]);
// Infinitives and other words shaped like a participle (ge…en, ge…t).
const NOT_PARTICIPLES = new Set([
  'gehen',
  'geben',
  'gelten',
  'gewinnen',
  'genießen',
  'geschehen',
  'gestalten',
  'gehören',
  'gefallen',
  'gelingen',
  'gewöhnen',
  'gebrauchen',
  'genehmigen',
  'gestehen',
  'gewähren',
  'gegen',
  'gestern',
  'gerne',
  'gesamt',
  'genau',
  'gemeinsam',
  'gegenüber',
  'gerecht',
  'geeignet',
  'gesund',
  'gelegentlich',
  'gewiss',
  'genug',
  'geht',
  'gibt',
  'gilt',
  'gehört',
  'gefällt',
  'gelingt',
  'gewinnt',
  'gestaltet',
  'gewährt',
  'gebraucht',
]);

/** A past participle: ge…t, ge…en, or a verb in -iert. */
const isParticiple = (word: string) =>
  !NOT_PARTICIPLES.has(word) &&
  ((word.length > 5 && /^ge\p{L}+(t|en)$/u.test(word)) || /\p{L}{3,}iert$/u.test(word));

// Participles of verbs with an inseparable prefix have no ge-: "besprochen", "veröffentlicht".
const INSEPARABLE = /^(be|emp|ent|er|miss|ver|zer)\p{L}{3,}/u;
const PAST = new Set(['wurde', 'wurdest', 'wurden', 'wurdet', 'worden']);
// Strong participles of prefixed verbs that differ from their infinitive: passive with any form.
const STRONG_PREFIXED = new Set([
  'begonnen',
  'beschlossen',
  'beschrieben',
  'besprochen',
  'betrieben',
  'bewiesen',
  'beworben',
  'empfohlen',
  'entschieden',
  'entstanden',
  'entworfen',
  'erfunden',
  'erschienen',
  'erworben',
  'unterschrieben',
  'verboten',
  'verbunden',
  'verglichen',
  'verliehen',
  'verloren',
  'vermieden',
  'verschoben',
  'verstanden',
  'vertrieben',
  'zerbrochen',
  'überwiesen',
  'übersetzt',
]);

/**
 * A form of "werden" with a past participle in the same sentence (Vorgangspassiv). A prefixed
 * word in -en is a participle only beside a past form: "wird besprechen" is the future.
 */
const isPassive = (words: readonly string[]) => {
  const auxiliaries = words.filter((word) => WERDEN.has(word));
  if (!auxiliaries.length) return false;
  const past = auxiliaries.some((word) => PAST.has(word));
  return words.some(
    (word) =>
      isParticiple(word) ||
      STRONG_PREFIXED.has(word) ||
      (INSEPARABLE.test(word) &&
        !NOT_PARTICIPLES.has(word) &&
        (word.endsWith('t') || (past && word.endsWith('en')))),
  );
};

const VOWEL_GROUPS = /[aeiouyäöü]+/g;
const stemmer = newStemmer('german');

export const german: Language = {
  code: 'de',
  name: 'Deutsch',
  stem: perWord((word) => stemmer.stem(word)),
  // German spelling is close to its sound: each group of vowels (diphthongs included) is a syllable.
  syllables: perWord((word) => Math.max(1, word.toLowerCase().match(VOWEL_GROUPS)?.length ?? 0)),
  functionWords: new Set(deu),
  transitionWords: wordList(TRANSITIONS),
  isPassive,
  readingEase: {
    name: 'Amstad reading ease (Flesch for German)',
    score: ({ words, sentences, syllables }) =>
      180 - words / sentences - 58.5 * (syllables / words),
  },
  sentenceWordLimit: 20,
  ordinalStops: true,
};
