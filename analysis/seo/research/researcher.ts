import { languageOf, type Language } from '../language';
import {
  mergeModels,
  textModelOf,
  type TextBlock,
  type TextImage,
  type TextLink,
  type TextModel,
} from '../text';
import type { Paper } from '../types';
import { occurrencesIn, phraseOf, stemCounts, type Phrase } from './keyphrase';
import { sentencesOf, wordsOf } from './tokens';

export interface Sentence {
  text: string;
  words: string[];
  counts: Map<string, number>;
  /** Index of its block in the model. */
  block: number;
}

/** Every fact an assessment may ask for, computed once per analysis and only when asked. */
export interface Facts {
  language: Language;
  model: TextModel;
  paragraphs: TextBlock[];
  /** Every heading of the body, H1 included. */
  headings: TextBlock[];
  /** H2 to H6: what structures the text. */
  subheadings: TextBlock[];
  /** Sentences of the paragraphs (headings are not sentences). */
  sentences: Sentence[];
  /** Headings as matchable units, for keyphrase checks. */
  headingUnits: Sentence[];
  wordCount: number;
  syllableCount: number;
  keyphrase: Phrase | null;
  synonyms: Phrase[];
  /** The keyphrase, then its synonyms. */
  topics: Phrase[];
  keyphraseOccurrences: number;
  metaTitle: string;
  images: TextImage[];
  internalLinks: TextLink[];
  outboundLinks: TextLink[];
  /** Words of the text before the first subheading, then of each section after one. */
  sectionWordCounts: number[];
}

export type Research = <K extends keyof Facts>(name: K) => Facts[K];

type Researches = { [K in keyof Facts]: (paper: Paper, get: Research) => Facts[K] };

const unitOf = (text: string, block: number, language: Language): Sentence => {
  const words = wordsOf(text);
  return { text, words, counts: stemCounts(words, language), block };
};

const hostOf = (url: string | undefined) => {
  if (!url) return undefined;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
};

/** Internal, outbound, or neither (mail, phone, script links). */
const linkKind = (href: string, siteHost: string | undefined) => {
  if (/^(mailto|tel|javascript|data):/i.test(href)) return 'other';
  if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) return 'internal';
  const host = hostOf(href.startsWith('//') ? `https:${href}` : href);
  if (!host) return 'other';
  return siteHost && (host === siteHost || host.endsWith(`.${siteHost}`)) ? 'internal' : 'outbound';
};

const RESEARCHES: Researches = {
  language: (paper) => languageOf(paper.locale),
  model: (paper) =>
    paper.parts
      ? mergeModels(paper.parts.map((part) => textModelOf(part.content, part.contentFormat)))
      : textModelOf(paper.content, paper.contentFormat),
  paragraphs: (_, get) => get('model').blocks.filter((block) => block.kind === 'paragraph'),
  headings: (_, get) => get('model').blocks.filter((block) => block.kind === 'heading'),
  subheadings: (_, get) => get('headings').filter((heading) => heading.level >= 2),
  sentences: (_, get) => {
    const language = get('language');
    return get('model').blocks.flatMap((block, index) =>
      block.kind === 'paragraph'
        ? sentencesOf(block.text, { ordinals: language.ordinalStops }).map((text) =>
            unitOf(text, index, language),
          )
        : [],
    );
  },
  headingUnits: (_, get) => {
    const language = get('language');
    return get('model').blocks.flatMap((block, index) =>
      block.kind === 'heading' ? [unitOf(block.text, index, language)] : [],
    );
  },
  wordCount: (_, get) =>
    get('sentences').reduce((sum, sentence) => sum + sentence.words.length, 0) +
    get('headingUnits').reduce((sum, heading) => sum + heading.words.length, 0),
  syllableCount: (_, get) => {
    const { syllables } = get('language');
    let count = 0;
    for (const sentence of get('sentences'))
      for (const word of sentence.words) count += syllables(word);
    return count;
  },
  keyphrase: (paper, get) => (paper.keyphrase ? phraseOf(paper.keyphrase, get('language')) : null),
  synonyms: (paper, get) =>
    (paper.synonyms ?? [])
      .map((synonym) => phraseOf(synonym, get('language')))
      .filter((phrase): phrase is Phrase => phrase !== null),
  topics: (_, get) => {
    const keyphrase = get('keyphrase');
    return keyphrase ? [keyphrase, ...get('synonyms')] : [];
  },
  keyphraseOccurrences: (_, get) => {
    const keyphrase = get('keyphrase');
    if (!keyphrase) return 0;
    return [...get('sentences'), ...get('headingUnits')].reduce(
      (sum, unit) => sum + occurrencesIn(unit.words, unit.counts, keyphrase),
      0,
    );
  },
  metaTitle: (paper) => (paper.metaTitle || paper.title || '').trim(),
  images: (paper, get) => [
    ...get('model').images,
    ...(paper.images ?? []).map((image) => ({ src: image.src ?? '', alt: image.alt ?? '' })),
  ],
  internalLinks: (paper, get) => {
    const site = hostOf(paper.baseUrl);
    return get('model').links.filter((link) => linkKind(link.href, site) === 'internal');
  },
  outboundLinks: (paper, get) => {
    const site = hostOf(paper.baseUrl);
    return get('model').links.filter((link) => linkKind(link.href, site) === 'outbound');
  },
  sectionWordCounts: (_, get) => {
    const counts = [0];
    for (const block of get('model').blocks) {
      if (block.kind === 'heading' && block.level >= 2) counts.push(0);
      else if (block.kind === 'paragraph') counts[counts.length - 1]! += wordsOf(block.text).length;
    }
    return counts;
  },
};

/** Facts by name, each computed on first use and kept for this paper only. */
export const createResearcher = (paper: Paper): Research => {
  const cache = new Map<keyof Facts, unknown>();
  const get: Research = (name) => {
    if (!cache.has(name)) cache.set(name, RESEARCHES[name](paper, get));
    return cache.get(name) as Facts[typeof name];
  };
  return get;
};
