import { german } from './de';
import { english } from './en';
import type { Language } from './language';

export type { Language } from './language';

const LANGUAGES: Record<string, Language> = { en: english, de: german };

/**
 * Matching for a locale none of ours covers: words as written, no function words, and every
 * assessment that needs word lists or a formula reports itself unavailable.
 */
const plain: Language = {
  code: '',
  name: '',
  stem: (word) => word,
  syllables: () => 1,
  functionWords: new Set(),
  sentenceWordLimit: 20,
};

/** `en-GB`, `de_AT`, `de`… to our language; English when no locale is given. */
export const languageOf = (locale?: string): Language => {
  if (!locale) return english;
  return LANGUAGES[locale.toLowerCase().split(/[-_]/)[0]!] ?? plain;
};

export const isSupported = (language: Language) => language !== plain;
